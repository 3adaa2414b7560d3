import { and, contacts, eq, or, textIn, type Database, type SQL } from '@tend/db';
import type { IncomingEvent } from './schemas.js';

/** A call not yet stored, with the messageId it is stored under. */
export interface NewCall {
  call: IncomingEvent;
  messageId: string;
}

/**
 * The contact of each call when every call is an event of someone Tend knows that changes no
 * profile: a track, page or screen call naming an existing contact by userId or anonymousId, or
 * by both when that contact already holds both. Null as soon as one call may create, merge or
 * change a profile: those batches are stored in a transaction, in call order (see storeCalls).
 *
 * Most traffic is such events, and what they write is their one INSERT: a statement that is
 * atomic on its own, stored without a transaction's BEGIN and COMMIT round trips.
 */
export async function contactsIfAllKnown(db: Database, workspaceId: string, calls: readonly NewCall[]): Promise<string[] | null> {
  if (calls.length === 0 || !calls.every(({ call }) => call.type === 'track' || call.type === 'page' || call.type === 'screen')) return null;
  const userIds = new Set<string>();
  const anonymousIds = new Set<string>();
  for (const { call } of calls) {
    if (call.userId) userIds.add(call.userId);
    else if (call.anonymousId) anonymousIds.add(call.anonymousId);
  }
  const named: SQL[] = [];
  if (userIds.size > 0) named.push(textIn(contacts.userId, [...userIds]));
  if (anonymousIds.size > 0) named.push(textIn(contacts.anonymousId, [...anonymousIds]));
  if (named.length === 0) return null;
  const rows = await db
    .select({ id: contacts.id, userId: contacts.userId, anonymousId: contacts.anonymousId })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), or(...named)));
  const byUserId = new Map(rows.flatMap((row) => (row.userId === null ? [] : [[row.userId, row] as const])));
  const byAnonymousId = new Map(rows.flatMap((row) => (row.anonymousId === null ? [] : [[row.anonymousId, row] as const])));

  const contactIds: string[] = [];
  for (const { call } of calls) {
    const contact = call.userId ? byUserId.get(call.userId) : byAnonymousId.get(call.anonymousId!);
    // Unknown, or a userId with an anonymousId its contact does not hold (to attach or merge).
    if (!contact || (call.userId && call.anonymousId && contact.anonymousId !== call.anonymousId)) return null;
    contactIds.push(contact.id);
  }
  return contactIds;
}
