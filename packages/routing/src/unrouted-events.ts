import { and, asc, events, inArray, isNull, sql, type Database } from '@tend/db';
import type { RoutableEvent } from './routed-event.js';

export type UnroutedEvent = Omit<RoutableEvent, 'duplicate'> & { workspaceId: string };

/** What routing reads of an event: not its context and integrations (a browser's context alone is about a kilobyte). */
const routedColumns = {
  id: events.id,
  workspaceId: events.workspaceId,
  messageId: events.messageId,
  type: events.type,
  name: events.name,
  contactId: events.contactId,
  properties: events.properties,
  occurredAt: events.occurredAt,
  createdContact: events.createdContact,
};

/**
 * The oldest unrouted events of these partitions, at most `limit`, in arrival order.
 *
 * The unrouted index is keyed by partition, then arrival. When few events wait, one query for
 * all the partitions reads and sorts them all, cheaply. When many wait (`backlog`: the last read
 * came back full), that grows with the backlog just when routing is behind (5 ms a read for
 * 20,000 waiting), so each partition is scanned on its own, in order, and the scans merged
 * (Postgres's Merge Append): about `limit` entries are read however many wait. Planning those
 * scans costs a few milliseconds, more than reading a small backlog, hence the two forms.
 */
export async function readUnrouted(db: Database, partitions: readonly number[], limit: number, { backlog = false } = {}): Promise<UnroutedEvent[]> {
  if (partitions.length === 0) return [];
  if (!backlog) {
    return db
      .select(routedColumns)
      .from(events)
      .where(and(isNull(events.routedAt), inArray(events.routePartition, [...partitions])))
      .orderBy(asc(events.seq))
      .limit(limit);
  }
  const oldestOf = (partition: number) => sql`(
    select ${events.id} as id, ${events.workspaceId} as workspace_id, ${events.messageId} as message_id, ${events.type} as type,
      ${events.name} as name, ${events.contactId} as contact_id, ${events.properties} as properties,
      ${events.occurredAt} as occurred_at, ${events.createdContact} as created_contact, ${events.seq} as seq
    from ${events}
    where ${events.routePartition} = ${partition} and ${events.routedAt} is null
    order by ${events.seq} limit ${limit})`;
  const result = (await db.execute(sql`
    select * from (${sql.join(partitions.map(oldestOf), sql` union all `)}) as oldest
    order by seq limit ${limit}`)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((row) => ({
    id: row.id as string,
    workspaceId: row.workspace_id as string,
    messageId: row.message_id as string,
    type: row.type as RoutableEvent['type'],
    name: row.name as string | null,
    contactId: row.contact_id as string,
    // Drivers return JSON and times as they do for any query; the columns map them as the query builder would.
    properties: events.properties.mapFromDriverValue(row.properties) as Record<string, unknown>,
    occurredAt: events.occurredAt.mapFromDriverValue(row.occurred_at as string) as Date,
    createdContact: row.created_contact === true,
  }));
}
