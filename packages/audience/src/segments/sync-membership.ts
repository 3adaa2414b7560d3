import { contacts, events, segmentMemberships, sql, type Database, type SQL, type Transaction } from '@tend/db';
import { segmentEnteredEvent, segmentExitedEvent, type Condition } from '@tend/journey/ir';
import { segmentSql } from './segment-sql.js';

export interface MembershipChange {
  entered: number;
  exited: number;
}

interface SyncTarget {
  workspaceId: string;
  segment: { id: string; name: string; definition: Condition };
  asOf: Date;
  /** Only these contacts (a real-time refresh); all of the workspace's when absent. */
  contactIds?: readonly string[];
}

/**
 * Brings one segment's memberships in line with its definition at `asOf`, in one statement:
 * the contacts matching now that are not members are inserted, members no longer matching are
 * deleted, and each change is stored as a "Segment Entered" / "Segment Exited" track event at
 * `asOf`, left unrouted so the routing consumer offers it to journeys (the "Entered segment"
 * trigger) like any event. Message ids are derived from the change, so replaying the same
 * recompute stores nothing twice; two recomputes racing each record a change once (ON CONFLICT
 * and the delete's RETURNING).
 */
export async function syncMembership(db: Database | Transaction, target: SyncTarget): Promise<MembershipChange> {
  const { workspaceId, segment, asOf, contactIds } = target;
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const onlyContacts = (column: SQL): SQL => (contactIds === undefined ? sql`true` : sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb))`);
  const member = sql`${segmentMemberships.workspaceId} = ${workspaceId} and ${segmentMemberships.segment} = ${segment.id}`;
  const result = (await db.execute(sql`
    with wanted as (
      select ${contacts.id} as contact_id from ${contacts}
      where ${onlyContacts(sql`${contacts.id}`)} and ${segmentSql(segment.definition, { workspaceId, asOf })}
    ),
    entered as (
      insert into ${segmentMemberships} (workspace_id, segment, contact_id, since)
      select ${workspaceId}, ${segment.id}, wanted.contact_id, ${at} from wanted
      where not exists (select 1 from ${segmentMemberships} where ${member} and ${segmentMemberships.contactId} = wanted.contact_id)
      on conflict do nothing
      returning contact_id
    ),
    exited as (
      delete from ${segmentMemberships}
      where ${member} and ${onlyContacts(sql`${segmentMemberships.contactId}`)}
        and not exists (select 1 from wanted where wanted.contact_id = ${segmentMemberships.contactId})
      returning contact_id
    ),
    changes as (
      select contact_id, 'entered' as change, ${segmentEnteredEvent}::text as name from entered
      union all
      select contact_id, 'exited', ${segmentExitedEvent}::text from exited
    ),
    recorded as (
      insert into ${events} (id, workspace_id, message_id, type, name, contact_id, properties, occurred_at)
      select 'ev_' || replace(gen_random_uuid()::text, '-', ''), ${workspaceId},
        'segment:' || ${segment.id}::text || ':' || contact_id || ':' || change || ':' || ${String(asOf.getTime())}::text,
        'track', name, contact_id, jsonb_build_object('segment', ${segment.id}::text, 'segmentName', ${segment.name}::text), ${at}
      from changes
      on conflict (workspace_id, message_id) do nothing
    )
    select (select count(*) from entered)::int as entered, (select count(*) from exited)::int as exited
  `)) as unknown as { rows: { entered: number; exited: number }[] };
  const [row] = result.rows;
  return { entered: Number(row?.entered ?? 0), exited: Number(row?.exited ?? 0) };
}
