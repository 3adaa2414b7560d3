import { and, contacts, desc, eq, events, sql, type Database } from '@tend/db';

/**
 * A contact's events, newest first by when they happened (an imported order keeps its own time),
 * a page at a time: what the contact page's timeline shows.
 */
export async function contactTimeline(db: Database, workspaceId: string, contactId: string, options: { offset: number; limit: number }) {
  const rows = await db
    .select({
      seq: events.seq,
      type: events.type,
      name: events.name,
      properties: events.properties,
      occurredAt: events.occurredAt,
      receivedAt: events.receivedAt,
    })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.contactId, contactId)))
    .orderBy(desc(events.occurredAt), desc(events.seq))
    .offset(options.offset)
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return { events: page, more: rows.length > options.limit };
}

/** The contact by id or userId, or null. */
export async function findContact(db: Database, workspaceId: string, idOrUserId: string) {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), sql`(${contacts.id} = ${idOrUserId} or ${contacts.userId} = ${idOrUserId})`));
  return contact ?? null;
}
