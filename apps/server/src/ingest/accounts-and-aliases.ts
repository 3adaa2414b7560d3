import { accountMemberships, accounts, and, contactAliases, contacts, eq, isNull, sql, type Transaction } from '@tend/db';
import { claimContacts, type ClaimedContact } from './contacts-for-batch.js';
import type { IncomingEvent } from './schemas.js';

/** group: the account's traits merged into what it had, and the contact a member of it. */
export async function joinAccount(tx: Transaction, workspaceId: string, accountId: string, traits: Record<string, unknown>, contactId: string): Promise<void> {
  await tx
    .insert(accounts)
    .values({ workspaceId, id: accountId, traits })
    .onConflictDoUpdate({
      target: [accounts.workspaceId, accounts.id],
      set: { traits: sql`${accounts.traits} || excluded.traits`, updatedAt: new Date() },
    });
  await tx.insert(accountMemberships).values({ workspaceId, accountId, contactId }).onConflictDoNothing();
}

/**
 * alias: recorded as received, and a simple identity link: an anonymous contact known by
 * `previousId` that has no userId yet takes `userId`. Two contacts that both exist are not
 * merged (identity merging is later work); the event goes to the `userId` contact.
 * Rare, and it changes whom later calls name, so it runs on its own, in its place in the batch.
 */
export async function linkAlias(tx: Transaction, workspaceId: string, event: Extract<IncomingEvent, { type: 'alias' }>): Promise<ClaimedContact> {
  await tx.insert(contactAliases).values({ workspaceId, previousId: event.previousId, userId: event.userId }).onConflictDoNothing();
  const [known] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.userId, event.userId)));
  if (known) return { contactId: known.id, created: false };
  const [anonymous] = await tx
    .update(contacts)
    .set({ userId: event.userId, updatedAt: new Date() })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.anonymousId, event.previousId), isNull(contacts.userId)))
    .returning({ id: contacts.id });
  if (anonymous) return { contactId: anonymous.id, created: false };
  const [claimed] = await claimContacts(tx, workspaceId, [{ userId: event.userId, traits: {} }]);
  return claimed!;
}
