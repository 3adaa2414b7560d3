import { and, contacts, eq, inArray, newId, sql, type Transaction } from '@tend/db';

/** What an import knows of a contact: its userId, and traits (and perhaps an email) to set. */
export interface ContactUpsert {
  userId: string;
  email?: string | null;
  traits: Record<string, unknown>;
}

/**
 * Creates the contacts a chunk of imported rows names and updates the ones that exist, in two
 * statements whatever their number: one multi-row INSERT … ON CONFLICT DO UPDATE, one SELECT of
 * their ids. Traits merge into the contact's (a shallow merge, as jsonb `||`; the later row wins
 * within a chunk); an email given replaces the contact's. A contact the rows would not change is
 * not written at all, so importing the same file again leaves contacts as they were.
 * Returns userId → contact id.
 */
export async function upsertContacts(tx: Transaction, workspaceId: string, upserts: ContactUpsert[]): Promise<Map<string, string>> {
  const byUserId = new Map<string, { traits: Record<string, unknown>; email: string | null }>();
  for (const { userId, email, traits } of upserts) {
    const into = byUserId.get(userId) ?? { traits: {}, email: null };
    Object.assign(into.traits, traits);
    if (email) into.email = email;
    // One row per contact: ON CONFLICT DO UPDATE may not touch a row twice in one statement.
    byUserId.set(userId, into);
  }
  if (byUserId.size === 0) return new Map();

  const rows = [...byUserId].map(([userId, { traits, email }]) => ({ id: newId('ct'), workspaceId, userId, email, traits }));
  await tx
    .insert(contacts)
    .values(rows)
    .onConflictDoUpdate({
      target: [contacts.workspaceId, contacts.userId],
      set: {
        traits: sql`${contacts.traits} || excluded.traits`,
        email: sql`coalesce(excluded.email, ${contacts.email})`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${contacts.traits} || excluded.traits) is distinct from ${contacts.traits}
        or coalesce(excluded.email, ${contacts.email}) is distinct from ${contacts.email}`,
    });
  const found = await tx
    .select({ id: contacts.id, userId: contacts.userId })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.userId, [...byUserId.keys()])));
  return new Map(found.map((contact) => [contact.userId!, contact.id]));
}
