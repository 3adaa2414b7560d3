import { and, asc, contacts, enrolments, eq, or, sql, type Database } from '@tend/db';

export interface ContactsAtQuery {
  workspaceId: string;
  journeyId: string;
  nodeId: string;
  search?: string;
  cursor?: string | null;
  limit: number;
}

export interface ContactAtNode {
  contactId: string;
  userId: string | null;
  email: string | null;
  /** Since when the contact is at the node (ISO). */
  since: string;
}

/**
 * The contacts whose run is at a node now, longest there first, from the routing index. Paged
 * by keyset (since, contact id): a page boundary never skips or repeats a contact.
 */
export async function contactsAt(db: Database, query: ContactsAtQuery): Promise<{ contacts: ContactAtNode[]; nextCursor: string | null }> {
  const since = sql<Date>`coalesce(${enrolments.currentSince}, ${enrolments.enteredAt})`;
  const sinceText = sql<string>`to_char(coalesce(${enrolments.currentSince}, ${enrolments.enteredAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const email = sql<string | null>`coalesce(${contacts.email}, ${contacts.traits} ->> 'email')`;
  const cursor = decodeContactsCursor(query.cursor);
  const search = query.search?.trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
  const rows = await db
    .select({ contactId: enrolments.contactId, userId: contacts.userId, email, since: sinceText })
    .from(enrolments)
    .leftJoin(contacts, and(eq(contacts.id, enrolments.contactId), eq(contacts.workspaceId, query.workspaceId)))
    .where(
      and(
        eq(enrolments.workspaceId, query.workspaceId),
        eq(enrolments.journeyId, query.journeyId),
        eq(enrolments.status, 'active'),
        eq(enrolments.currentNode, query.nodeId),
        pattern ? or(sql`${email} ilike ${pattern}`, sql`${contacts.userId} ilike ${pattern}`, sql`${enrolments.contactId} ilike ${pattern}`) : undefined,
        cursor ? sql`(${since}, ${enrolments.contactId}) > (${cursor.since}::timestamptz, ${cursor.contactId})` : undefined,
      ),
    )
    .orderBy(asc(since), asc(enrolments.contactId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    contacts: page.map((row) => ({ contactId: row.contactId, userId: row.userId ?? null, email: row.email ?? null, since: row.since })),
    nextCursor: rows.length > query.limit && last ? `${last.since}|${last.contactId}` : null,
  };
}

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(.+)$/;

function decodeContactsCursor(cursor: string | null | undefined): { since: string; contactId: string } | null {
  const match = cursor ? cursorPattern.exec(cursor) : null;
  return match ? { since: match[1]!, contactId: match[2]! } : null;
}
