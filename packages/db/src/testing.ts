import { openDatabase, type DatabaseHandle } from './database.js';

/**
 * A fresh database for one test: a throwaway schema on the Postgres server named by
 * DATABASE_URL when set (CI), otherwise an in-memory PGlite. Either way, real Postgres.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ dataDir: 'memory://' });
  const schemaName = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = await openDatabase({ url });
  await admin.db.execute(`create schema "${schemaName}"` as never);
  await admin.close();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schemaName}`);
  return openDatabase({ url: scoped.toString() });
}
