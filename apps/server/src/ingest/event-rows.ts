import { events, newId, sql, type Database, type Transaction } from '@tend/db';
import type { ClaimedContact } from './contacts-for-batch.js';
import { eventFields } from './event-fields.js';
import type { IncomingEvent } from './schemas.js';

/** A call as its `events` row, under the contact it was claimed for. */
export type EventRow = ReturnType<typeof eventRow>;

export function eventRow(workspaceId: string, event: IncomingEvent, messageId: string, { contactId, created }: ClaimedContact) {
  const { name, properties } = eventFields(event);
  return {
    id: newId('ev'),
    workspaceId,
    messageId,
    type: event.type,
    name,
    contactId,
    properties,
    context: event.context ?? null,
    integrations: event.integrations ?? null,
    occurredAt: event.timestamp ? new Date(event.timestamp) : new Date(),
    createdContact: created,
  };
}

/**
 * The events in one INSERT of column arrays (`unnest`): eleven parameters whatever the batch's
 * size, where a multi-row VALUES list binds eleven per event. Building and sending that list took
 * more of the server's time than anything else it does for a batch (a CPU profile of /v1/batch).
 *
 * A messageId stored before fails the statement, or, with `skipStored`, leaves that row out.
 * Returns the ids of the rows inserted.
 */
export async function insertEvents(db: Database | Transaction, rows: EventRow[], { skipStored = false } = {}): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const column = <T>(value: (row: EventRow) => T) => sql.param(rows.map(value));
  const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));
  const inserted = (await db.execute(sql`
    insert into ${events} (id, workspace_id, message_id, type, name, contact_id, properties, context, integrations, occurred_at, created_contact)
    select * from unnest(
      ${column((row) => row.id)}::text[], ${column((row) => row.workspaceId)}::text[], ${column((row) => row.messageId)}::text[],
      ${column((row) => row.type)}::text[], ${column((row) => row.name)}::text[], ${column((row) => row.contactId)}::text[],
      ${column((row) => json(row.properties))}::jsonb[], ${column((row) => json(row.context))}::jsonb[], ${column((row) => json(row.integrations))}::jsonb[],
      ${column((row) => row.occurredAt.toISOString())}::timestamptz[], ${column((row) => row.createdContact)}::boolean[]
    )
    ${skipStored ? sql`on conflict (workspace_id, message_id) do nothing` : sql``}
    returning id`)) as unknown as { rows: { id: string }[] };
  return new Set(inserted.rows.map((row) => row.id));
}
