import { contacts, events, newId, type Database } from '@tend/db';
import type { RetailRows } from './retail-rows.js';

export interface RawRetailInsert {
  ms: number;
  events: number;
  contacts: number;
}

/**
 * The floor under importOnlineRetail: the same contacts and events rows, prepared in memory
 * beforehand, written with drizzle's multi-row `insert(...).values([...])`, `rowsPerStatement`
 * rows a statement, one statement after another (as the import writes). No reading, no
 * transaction, no ON CONFLICT, no progress row: only the writes.
 */
export async function rawRetailInsert(db: Database, workspaceId: string, rows: RetailRows, rowsPerStatement = 1_000): Promise<RawRetailInsert> {
  const receivedAt = new Date();
  const contactRows = rows.contacts.map(({ userId, traits }) => ({ id: newId('ct'), workspaceId, userId, traits }));
  const contactOf = new Map(contactRows.map((row) => [row.userId, row.id]));
  const eventRows = rows.events.map((event) => ({
    id: newId('ev'),
    workspaceId,
    messageId: event.messageId,
    type: 'track' as const,
    name: event.name,
    contactId: contactOf.get(event.userId)!,
    properties: event.properties,
    occurredAt: event.occurredAt,
    receivedAt,
    routedAt: receivedAt,
  }));

  const began = performance.now();
  for (const chunk of chunks(contactRows, rowsPerStatement)) await db.insert(contacts).values(chunk);
  for (const chunk of chunks(eventRows, rowsPerStatement)) await db.insert(events).values(chunk);
  return { ms: performance.now() - began, events: eventRows.length, contacts: contactRows.length };
}

function* chunks<T>(list: T[], size: number): Generator<T[]> {
  for (let start = 0; start < list.length; start += size) yield list.slice(start, start + size);
}
