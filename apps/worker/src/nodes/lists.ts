import { and, contacts, eq, listMemberships, lists } from '@tend/db';
import { addToListNode, removeFromListNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import type { NodeDeps } from './node-deps.js';

// Both are idempotent by their primary keys: adding twice or removing twice changes nothing.

export const addToList = defineNode({
  ...addToListNode,
  async run(context, config, deps: Pick<NodeDeps, 'db'>) {
    await deps.db.transaction(async (tx) => {
      const [contact] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, context.contactId));
      if (!contact) return;
      await tx.insert(lists).values({ workspaceId: context.workspaceId, id: config.list, name: config.list }).onConflictDoNothing();
      await tx.insert(listMemberships).values({ workspaceId: context.workspaceId, listId: config.list, contactId: contact.id }).onConflictDoNothing();
    });
    return { output: 'next' };
  },
});

export const removeFromList = defineNode({
  ...removeFromListNode,
  async run(context, config, deps: Pick<NodeDeps, 'db'>) {
    await deps.db
      .delete(listMemberships)
      .where(
        and(
          eq(listMemberships.workspaceId, context.workspaceId),
          eq(listMemberships.listId, config.list),
          eq(listMemberships.contactId, context.contactId),
        ),
      );
    return { output: 'next' };
  },
});
