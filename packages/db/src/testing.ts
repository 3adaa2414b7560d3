import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './database.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The kinds of database this run can test: PGlite always, a Postgres server when DATABASE_URL is set (CI). */
export function availableTestDatabases(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh database for one test: an in-memory PGlite, or a throwaway database on the Postgres
 * server named by DATABASE_URL (dropped on close). By default the server when there is one.
 * Either way, real Postgres.
 */
export async function openTestDatabase(kind: TestDatabaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite'): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  if (!url) throw new Error('a Postgres server test needs DATABASE_URL');
  const name = `tend_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
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
