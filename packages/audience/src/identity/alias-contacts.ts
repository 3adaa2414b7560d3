import { and, contacts, eq, sql, type Database } from '@tend/db';
import { mergeContacts, type MergeOutcome, type NewerOf } from './merge-contacts.js';

export interface AliasOptions {
  workspaceId: string;
  /** The id the person was known by: an anonymousId, or an earlier userId. */
  previousId: string;
  userId: string;
  messageId?: string | null;
  asOf?: Date;
  newer?: NewerOf;
}

export interface AliasOutcome {
  /** The contact that is the person now; null when neither id names one (the caller creates it). */
  contactId: string | null;
  merge: MergeOutcome | null;
  /** The previous contact took the userId (no merge): its profile changed. */
  renamed: boolean;
}

/**
 * Segment's `alias(previousId, userId)`: the contact known by `previousId` (as a userId, else as an
 * anonymousId) is the person `userId` names. When both exist, the previous one is merged into
 * `userId`'s, whatever ids it held. When only the previous one exists, it is simply given the
 * userId (replacing an earlier userId: that is what an alias of two userIds says), keeping its
 * id, history and running journeys.
 */
export async function aliasContacts(db: Database, options: AliasOptions): Promise<AliasOutcome> {
  const { workspaceId, previousId, userId } = options;
  const [known] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.userId, userId)));
  const previous = await contactKnownAs(db, workspaceId, previousId);
  if (!previous) return { contactId: known?.id ?? null, merge: null, renamed: false };
  if (!known) {
    await db.update(contacts).set({ userId, updatedAt: sql`now()` }).where(eq(contacts.id, previous));
    return { contactId: previous, merge: null, renamed: true };
  }
  if (known.id === previous) return { contactId: known.id, merge: null, renamed: false };
  const { messageId = null, asOf, newer } = options;
  const merge = await mergeContacts(db, { workspaceId, from: previous, into: known.id, via: 'alias', messageId, asOf, newer });
  return { contactId: known.id, merge, renamed: false };
}

/** The contact whose userId is `id`, else the one whose anonymousId is. */
async function contactKnownAs(db: Database, workspaceId: string, id: string): Promise<string | null> {
  const [byUserId] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.userId, id)));
  if (byUserId) return byUserId.id;
  const [byAnonymousId] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.anonymousId, id)));
  return byAnonymousId?.id ?? null;
}
