import { renderValue, templateScope } from '@tend/channels';
import { appliedActions, contacts, eq, sql, type Database } from '@tend/db';
import { updateProfileNode, type UpdateProfileConfig } from '@tend/journey';
import { defineNode, type NodeContext } from '@tend/sdk';
import type { NodeDeps } from './node-deps.js';

export const updateProfile = defineNode({
  ...updateProfileNode,
  async run(context, config, deps: Pick<NodeDeps, 'db'>) {
    await applyOnce(deps.db, context, config);
    return { output: 'next' };
  },
});

/**
 * Renders the values and merges them into the traits in one transaction that also records the
 * idempotency key: a retry finds the key and changes nothing, so "{{ contact.visits | plus: 1 }}"
 * counts a visit once however often Temporal retries.
 */
async function applyOnce(db: Database, context: NodeContext, config: UpdateProfileConfig): Promise<void> {
  await db.transaction(async (tx) => {
    const [done] = await tx.select({ key: appliedActions.idempotencyKey }).from(appliedActions).where(eq(appliedActions.idempotencyKey, context.idempotencyKey));
    if (done) return;
    // Locked, so values computed from the profile are not lost to a concurrent identify.
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, context.contactId)).for('update');
    if (!contact) return;

    const scope = templateScope(contact, context.entryEvent);
    const set: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(config.set)) set[name] = typeof value === 'string' ? await renderValue(value, scope) : value;
    const unset = config.unset ?? [];

    const recorded = await tx
      .insert(appliedActions)
      .values({
        idempotencyKey: context.idempotencyKey,
        workspaceId: context.workspaceId,
        contactId: context.contactId,
        journeyId: context.journeyId,
        nodeId: context.nodeId,
        type: updateProfileNode.type,
        effect: { set, unset },
      })
      .onConflictDoNothing()
      .returning({ key: appliedActions.idempotencyKey });
    if (recorded.length === 0) return;

    let traits = sql`${contacts.traits}`;
    for (const name of unset) traits = sql`(${traits} - ${name}::text)`;
    traits = sql`${traits} || ${JSON.stringify(set)}::jsonb`;
    // The email column mirrors the email trait, as ingestion keeps it.
    const email = typeof set.email === 'string' ? set.email : unset.includes('email') ? null : contact.email;
    await tx.update(contacts).set({ traits, email, updatedAt: new Date() }).where(eq(contacts.id, contact.id));
  });
}
