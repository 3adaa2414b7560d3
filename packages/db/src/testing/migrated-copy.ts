import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../database.js';
import { postgresTemplateName, postgresTemplateNote, testRunDir } from './test-run.js';

// A test's database is a copy of one migrated once per test run: PGlite's initdb and our
// migrations cost seconds per database, and a run opens about a hundred. Every copy still runs
// the migrator on open (nothing to do, a few milliseconds), so a copy is never behind the sources.

/**
 * An in-memory PGlite, loaded from the run's dump of a migrated database. The first to find no
 * dump migrates its own and leaves a dump of it; workers that race there both do, harmlessly
 * (the file is written aside and renamed into place).
 */
export async function openPgliteCopy(): Promise<DatabaseHandle> {
  const dir = testRunDir();
  if (!dir) return openDatabase({ dataDir: 'memory://' });
  const dump = join(dir, 'migrated-pglite.tar');
  if (existsSync(dump)) return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([await readFile(dump)]) });
  const handle = await openDatabase({ dataDir: 'memory://' });
  const { $client } = handle.db as unknown as { $client: PGlite };
  const partial = `${dump}.${randomUUID()}.partial`;
  await writeFile(partial, Buffer.from(await (await $client.dumpDataDir('none')).arrayBuffer()));
  await rename(partial, dump);
  return handle;
}

/**
 * The run's migrated database on the Postgres server, to `CREATE DATABASE … TEMPLATE`; made by
 * the first caller under an advisory lock. Undefined outside a test run.
 */
export async function postgresTemplate(admin: pg.Client, serverUrl: string): Promise<string | undefined> {
  const dir = testRunDir();
  if (!dir) return undefined;
  const template = postgresTemplateName(dir);
  await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (found.rowCount === 0) {
      await writeFile(postgresTemplateNote(dir), template);
      await admin.query(`create database "${template}"`);
      // Migrations run in one transaction: a worker killed here leaves the template empty, never
      // half-migrated, and copies of an empty one are migrated on open.
      const url = new URL(serverUrl);
      url.pathname = `/${template}`;
      // Closed before the lock is released: Postgres refuses to copy a database someone is connected to.
      await (await openDatabase({ url: url.toString() })).close();
    }
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
  }
  return template;
}
