import pg from 'pg';
import { openDatabase, type Database, type DatabaseHandle } from './database.js';
import { openPgliteCopy, postgresTemplate } from './testing/migrated-copy.js';
import { contacts, workspaces } from './schema/index.js';

// For test helpers that share what the run made once (e2e's workflow bundle).
export { testRunDir } from './testing/test-run.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The kinds of database this run can test: PGlite always, a Postgres server when DATABASE_URL is set (CI). */
export function availableTestDatabases(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh database for one test: an in-memory PGlite, or a throwaway database on the Postgres
 * server named by DATABASE_URL (dropped on close). By default the server when there is one.
 * Either way, real Postgres, migrated: in a test run, copied from one database the run migrated once.
 */
export async function openTestDatabase(kind: TestDatabaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite'): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (kind === 'pglite') return openPgliteCopy();
  if (!url) throw new Error('a Postgres server test needs DATABASE_URL');
  const name = `tend_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const template = await postgresTemplate(admin, url);
  await admin.query(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  const scoped = new URL(url);
  scoped.pathname = `/${name}`;
  const handle = await openDatabase({ url: scoped.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.query(`drop database if exists "${name}"`).catch(() => {});
      await admin.end();
    },
  };
}

/** The workspace seedWorkspace() creates unless told otherwise; insertContact() puts contacts in it. */
export const testWorkspaceId = 'ws';

/** A workspace to test in, as sign-up would create it; returns its id. */
export async function seedWorkspace(db: Database, values: Partial<typeof workspaces.$inferInsert> = {}): Promise<string> {
  const id = values.id ?? testWorkspaceId;
  await db.insert(workspaces).values({ id, name: 'Shop', writeKey: `wk-${id}`, emailFrom: 'Shop <hello@shop.example>', ...values });
  return id;
}

/** A known contact (its `id` is its userId too, as after an identify); returns its id. */
export async function insertContact(
  db: Database,
  contact: { id: string; workspaceId?: string; email?: string | null; traits?: Record<string, unknown> },
): Promise<string> {
  const { id, workspaceId = testWorkspaceId, email = null, traits = {} } = contact;
  await db.insert(contacts).values({ id, workspaceId, userId: id, email, traits });
  return id;
}
