import { events, sql, type Database } from '@tend/db';
import type { RoutableEvent } from './routed-event.js';

export type UnroutedEvent = Omit<RoutableEvent, 'duplicate'> & { workspaceId: string };

/**
 * The oldest unrouted events of these partitions, at most `limit`, in arrival order: what
 * routing reads of them, not their context and integrations (a browser's context alone is
 * about a kilobyte).
 *
 * One ordered index scan per partition, merged (Postgres's Merge Append), reads about `limit`
 * index entries however many events wait. `route_partition = any(…) order by seq` instead
 * reads and sorts every waiting event of every partition, so each read grew with the backlog
 * just when routing was behind.
 */
export async function readUnrouted(db: Database, partitions: readonly number[], limit: number): Promise<UnroutedEvent[]> {
  if (partitions.length === 0) return [];
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
