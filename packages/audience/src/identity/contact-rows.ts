import { sql, type Database, type SQL } from '@tend/db';

/**
 * Every table that keeps rows by contact, and what makes a row one of a kind for a contact (its
 * key beside workspace and contact). A contact is merged and erased through this one list, so a
 * table added with a contact_id is added here once and both follow. A table with no key holds
 * at most one row per contact (scores); `null` means rows are never in conflict (an event log).
 */
export const contactTables = {
  events: null,
  node_visits: null,
  messages: null,
  applied_actions: null,
  list_memberships: ['list_id'],
  segment_memberships: ['segment'],
  account_memberships: ['account_id'],
  enrolments: ['journey_id'],
  rfm_scores: [],
  lifetime_values: [],
  // A state both profiles stated for the same channel and topic: the kept contact's stands (its
  // history, in consent_changes, keeps both).
  consents: ['channel', 'topic'],
  consent_changes: null,
} as const satisfies Record<string, readonly string[] | null>;

export type ContactTable = keyof typeof contactTables;

/** How many rows a data-modifying statement touched (its RETURNING counted in SQL, not fetched). */
export async function countChanged(db: Database, statement: SQL): Promise<number> {
  const result = await db.execute(sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/**
 * Gives `from`'s rows of one table to `into`. Where both have a row of the same key (both on
 * a list), `into`'s is kept and `from`'s dropped. Returns how many rows `into` gained.
 */
export async function moveContactRows(db: Database, table: ContactTable, workspaceId: string, from: string, into: string): Promise<number> {
  const name = sql.identifier(table);
  const key = contactTables[table];
  const alreadyHeld =
    key === null
      ? sql``
      : sql`and not exists (select 1 from ${name} as kept where kept.workspace_id = moving.workspace_id and kept.contact_id = ${into}
          ${sql.join(key.map((column) => sql` and kept.${sql.identifier(column)} = moving.${sql.identifier(column)}`))})`;
  const moved = await countChanged(db, sql`update ${name} as moving set contact_id = ${into} where moving.workspace_id = ${workspaceId} and moving.contact_id = ${from} ${alreadyHeld}`);
  if (key !== null) await deleteContactRows(db, table, workspaceId, from);
  return moved;
}

/** Deletes one contact's rows of one table; returns how many. */
export async function deleteContactRows(db: Database, table: ContactTable, workspaceId: string, contactId: string): Promise<number> {
  return countChanged(db, sql`delete from ${sql.identifier(table)} where workspace_id = ${workspaceId} and contact_id = ${contactId}`);
}
