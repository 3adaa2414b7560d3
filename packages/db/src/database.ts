import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseHandle {
  db: Database;
  /** "postgres" for a server reached by URL, "pglite" for the embedded one. */
  kind: 'postgres' | 'pglite';
  /** Where the data lives, without credentials, for logs and /healthz. */
  location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string }
  /**
   * Embedded Postgres on disk; "memory://" keeps it in memory (tests). `loadDataDir` starts it from
   * a dump (`dumpDataDir`), as tests do from one migrated copy instead of running initdb each time.
   */
  | { dataDir: string; loadDataDir?: Blob };

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Opens the database and brings its schema up to date. Both drivers speak the same SQL, so
 * the rest of Tend cannot tell them apart.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return 'url' in options ? openPostgres(options.url) : openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzleNodePg(pool, { schema });
  await migrateExclusively(pool, () => migrateNodePg(db, { migrationsFolder }));
  const location = new URL(url);
  location.password = '';
  return {
    db: db as unknown as Database,
    kind: 'postgres',
    location: location.toString(),
    ping: async () => void (await pool.query('select 1')),
    close: () => pool.end(),
  };
}

// Any constant: every Tend process agrees on it, so only one migrates at a time.
const migrationLockId = 7_356_001;

/**
 * The server and every worker run migrations at start; on a fresh database they would race
 * (two CREATE TABLEs). A session advisory lock makes the others wait, then find nothing to do.
 */
async function migrateExclusively(pool: pg.Pool, migrate: () => Promise<void>): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [migrationLockId]);
    await migrate();
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [migrationLockId]).catch(() => {});
    lock.release();
  }
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    location: dataDir,
    ping: async () => void (await client.query('select 1')),
    close: () => client.close(),
  };
}
