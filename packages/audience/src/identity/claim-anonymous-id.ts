import { and, contacts, eq, isNull, sql, type Database } from '@tend/db';
import { mergeContacts, type MergeOutcome, type MergeVia, type NewerOf } from './merge-contacts.js';

export interface ClaimAnonymousIdOptions {
  workspaceId: string;
  /** The known contact the call named by its userId (found or just created). */
  contactId: string;
  /** The anonymousId the same call carried. */
  anonymousId: string;
  /** The call that carried both ids. */
  via: Exclude<MergeVia, 'alias' | 'manual'>;
  messageId?: string | null;
  asOf?: Date;
  newer?: NewerOf;
}

/**
 * Segment's rule for a call that carries both a userId and an anonymousId: they are one person.
 * The known contact takes the anonymousId when nobody holds it and it has none; when an
 * anonymous-only contact holds it, that contact is merged into the known one (which takes the
 * anonymousId if it has none). An anonymousId already held by another known contact is left
 * there: two userIds are two people, whatever device they shared. Returns the merge, if any.
 */
export async function claimAnonymousId(db: Database, options: ClaimAnonymousIdOptions): Promise<MergeOutcome | null> {
  const { workspaceId, contactId, anonymousId } = options;
  const [holder] = await db
    .select({ id: contacts.id, userId: contacts.userId })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.anonymousId, anonymousId)));
  if (!holder) {
    await db
      .update(contacts)
      .set({ anonymousId })
      .where(and(eq(contacts.id, contactId), isNull(contacts.anonymousId)));
    return null;
  }
  if (holder.id === contactId || holder.userId !== null) return null;
  const { via, messageId = null, asOf, newer } = options;
  return mergeContacts(db, { workspaceId, from: holder.id, into: contactId, via, messageId, asOf, newer });
}

/**
 * Many calls' worth of the first case above at once (ingestion claims a batch's contacts in a few
 * statements): each known contact named by `userId` takes `anonymousId` if it has none. The
 * caller has made sure nobody holds these anonymousIds and each is given once; should another
 * transaction take one meanwhile, the unique index refuses it and the caller retries.
 */
export async function giveAnonymousIds(db: Database, workspaceId: string, links: { userId: string; anonymousId: string }[]): Promise<void> {
  if (links.length === 0) return;
  await db.execute(sql`
    update ${contacts} set anonymous_id = linked.anonymous_id
    from jsonb_to_recordset(${JSON.stringify(links.map(({ userId, anonymousId }) => ({ user_id: userId, anonymous_id: anonymousId })))}::jsonb) as linked(user_id text, anonymous_id text)
    where ${contacts.workspaceId} = ${workspaceId} and ${contacts.userId} = linked.user_id and ${contacts.anonymousId} is null`);
}
