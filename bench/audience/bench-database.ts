import { join } from 'node:path';
import { newId, openDatabase, workspaces, type Database } from '@tend/db';
import { throwawayDatabase } from '@tend/e2e/harness';
import type { Cleanup } from '../cleanup.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** Where section 6 runs: embedded PGlite always, a Postgres server when DATABASE_URL names one. */
export interface DatabaseTarget {
  kind: DatabaseKind;
  /** "PGlite" or "Postgres server", for titles and notes. */
  label: string;
  /** The server's URL (postgres), or the directory fresh PGlite databases are made in (pglite). */
  where: string;
}

export function databaseTargets(workDir: string, serverUrl: string | undefined): DatabaseTarget[] {
  const pglite: DatabaseTarget = { kind: 'pglite', label: 'PGlite', where: join(workDir, 'audience-pglite') };
  return serverUrl ? [pglite, { kind: 'postgres', label: 'Postgres server', where: serverUrl }] : [pglite];
}

export interface BenchDatabase {
  db: Database;
  /** Closes it (a server's throwaway database is dropped); also registered with the cleanup. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of the target's kind: PGlite on disk in its own directory, as
 * `npm start` keeps it, or a throwaway database on the Postgres server (dropped on close).
 */
export async function openFreshDatabase(target: DatabaseTarget, name: string, cleanup: Cleanup): Promise<BenchDatabase> {
  if (target.kind === 'pglite') {
    const handle = await openDatabase({ dataDir: join(target.where, name) });
    return { db: handle.db, close: cleanup.defer(`${name} PGlite`, () => handle.close()) };
  }
  const database = await throwawayDatabase(target.where);
  return { db: database.db, close: cleanup.defer(`${name} throwaway Postgres database`, database.close) };
}

/** A workspace to import into, as sign-up would create it; returns its id. */
export async function createWorkspace(db: Database, name: string): Promise<string> {
  const id = newId('ws');
  await db.insert(workspaces).values({ id, name, writeKey: `bench-${id}`, emailFrom: 'bench@example.test' });
  return id;
}
