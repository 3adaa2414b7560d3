import { contacts, events, inArray, and, eq } from '@tend/db';
import { eventually, type Tend } from '../support/index.js';

export type StoredCall = typeof events.$inferSelect;

/** Every call Tend stored for the contacts with these user ids, oldest first. */
export async function callsOf(tend: Tend, ...userIds: string[]): Promise<StoredCall[]> {
  const rows = await tend.database.db
    .select({ event: events })
    .from(events)
    .innerJoin(contacts, eq(contacts.id, events.contactId))
    .where(and(eq(events.workspaceId, tend.workspace.id), inArray(contacts.userId, userIds)))
    .orderBy(events.occurredAt);
  return rows.map((row) => row.event);
}

/** Waits until Tend has stored `count` calls for these user ids (a client sends in the background). */
export function waitForCalls(tend: Tend, count: number, ...userIds: string[]): Promise<StoredCall[]> {
  return eventually(async () => {
    const calls = await callsOf(tend, ...userIds);
    return calls.length >= count && calls;
  }, `${count} stored call(s) for ${userIds.join(', ')}`);
}

/** One stored call of a type, failing the test when there is not exactly one. */
export function only(calls: StoredCall[], type: StoredCall['type']): StoredCall {
  const matching = calls.filter((call) => call.type === type);
  if (matching.length !== 1) throw new Error(`expected one ${type} call, found ${matching.length}: ${JSON.stringify(calls.map((call) => call.type))}`);
  return matching[0]!;
}
