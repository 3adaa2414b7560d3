import { and, contacts, desc, eq, events, inArray, or, sql, type Database } from '@tend/db';
import { pageViewedEvent, screenViewedEvent, storedAsEvent } from '@tend/routing';

/** How many of the latest events or contacts a picker looks at: enough to be useful, always fast. */
export const pickerScan = 10_000;
/** How many recent events of one name `eventProperties` reads keys from. */
const propertyScan = 1_000;
const exampleLength = 120;

type Rows<Row> = { rows: Row[] };
const rowsOf = async <Row>(db: Database, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<Row>).rows;

/** The event names journeys see ("Page Viewed" for page calls), most frequent first, among the latest events. */
export async function eventNames(db: Database, workspaceId: string, search?: string): Promise<{ name: string; count: number; lastSeen: string }[]> {
  const routedName = sql<string>`case ${events.type} when 'page' then ${pageViewedEvent} when 'screen' then ${screenViewedEvent} else ${events.name} end`;
  const recent = db
    .$with('recent')
    .as(
      db
        .select({ name: routedName.as('name'), receivedAt: events.receivedAt })
        .from(events)
        .where(and(eq(events.workspaceId, workspaceId), inArray(events.type, ['track', 'page', 'screen'])))
        .orderBy(desc(events.receivedAt))
        .limit(pickerScan),
    );
  const pattern = search?.trim() ? `%${escapeLike(search.trim())}%` : null;
  const rows = await db
    .with(recent)
    .select({
      name: recent.name,
      count: sql<number>`count(*)::int`,
      lastSeen: sql<string>`to_char(max(${recent.receivedAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    })
    .from(recent)
    .where(and(sql`${recent.name} is not null`, pattern ? sql`${recent.name} ilike ${pattern}` : undefined))
    .groupBy(recent.name)
    .orderBy(sql`count(*) desc`, recent.name)
    .limit(200);
  return rows.map((row) => ({ name: row.name, count: row.count, lastSeen: row.lastSeen }));
}

/** The top-level property keys seen on recent events of this name, most common first, with an example value. */
export async function eventProperties(db: Database, workspaceId: string, event: string): Promise<{ name: string; example: string | null }[]> {
  const rows = await rowsOf<{ name: string; example: string | null }>(
    db,
    sql`with recent as (
          select ${events.properties} as properties, ${events.receivedAt} as received_at from ${events}
          where ${events.workspaceId} = ${workspaceId} and ${storedAsEvent(event)} and jsonb_typeof(${events.properties}) = 'object'
          order by ${events.receivedAt} desc limit ${propertyScan}
        )
        select key as name, left((array_agg(properties ->> key order by received_at desc) filter (where properties ->> key is not null))[1], ${exampleLength}) as example
        from recent, jsonb_object_keys(properties) as key
        group by key order by count(*) desc, key limit 500`,
  );
  return rows.map((row) => ({ name: row.name, example: row.example ?? null }));
}

/** The trait keys of the workspace's most recently updated contacts, most common first, with an example value. */
export async function traitNames(db: Database, workspaceId: string): Promise<{ name: string; example: string | null }[]> {
  const rows = await rowsOf<{ name: string; example: string | null }>(
    db,
    sql`with recent as (
          select ${contacts.traits} as traits, ${contacts.updatedAt} as updated_at from ${contacts}
          where ${contacts.workspaceId} = ${workspaceId} and jsonb_typeof(${contacts.traits}) = 'object'
          order by ${contacts.updatedAt} desc limit ${pickerScan}
        )
        select key as name, left((array_agg(traits ->> key order by updated_at desc) filter (where traits ->> key is not null))[1], ${exampleLength}) as example
        from recent, jsonb_object_keys(traits) as key
        group by key order by count(*) desc, key limit 500`,
  );
  return rows.map((row) => ({ name: row.name, example: row.example ?? null }));
}

/** Contacts matching `search` in email, user id or id, most recently updated first. */
export async function searchContacts(db: Database, workspaceId: string, search: string, limit: number): Promise<{ id: string; userId: string | null; email: string | null }[]> {
  const email = sql<string | null>`coalesce(${contacts.email}, ${contacts.traits} ->> 'email')`;
  const pattern = `%${escapeLike(search.trim())}%`;
  return db
    .select({ id: contacts.id, userId: contacts.userId, email })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), search.trim() ? or(sql`${email} ilike ${pattern}`, ilike(contacts.userId, pattern), ilike(contacts.id, pattern)) : undefined))
    .orderBy(desc(contacts.updatedAt))
    .limit(limit);
}

const ilike = (column: typeof contacts.userId | typeof contacts.id, pattern: string) => sql`${column} ilike ${pattern}`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
