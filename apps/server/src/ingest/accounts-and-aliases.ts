import { aliasContacts, type MergeOutcome, type NewerOf } from '@tend/audience';
import { accountMemberships, accounts, contactAliases, sql, type Transaction } from '@tend/db';
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
 * alias: recorded as received, then applied as `aliasContacts` says (@tend/audience): the
 * contact known by `previousId` is merged into `userId`'s, or simply takes `userId` when there
 * is no such contact yet; with neither, `userId`'s is created. The event goes to `userId`'s
 * contact. Rare, and it changes whom later calls name, so it runs on its own, in its place in
 * the batch.
 */
export async function linkAlias(
  tx: Transaction,
  workspaceId: string,
  event: Extract<IncomingEvent, { type: 'alias' }>,
  { messageId, newer }: { messageId: string; newer?: NewerOf },
): Promise<{ claimed: ClaimedContact; merge: MergeOutcome | null; changed: boolean }> {
  await tx.insert(contactAliases).values({ workspaceId, previousId: event.previousId, userId: event.userId }).onConflictDoNothing();
  const { contactId, merge, renamed } = await aliasContacts(tx, { workspaceId, previousId: event.previousId, userId: event.userId, messageId, newer });
  if (contactId) return { claimed: { contactId, created: false }, merge, changed: renamed || merge !== null };
  const [claimed] = await claimContacts(tx, workspaceId, [{ userId: event.userId, traits: {} }]);
  return { claimed: claimed!, merge: null, changed: true };
}
