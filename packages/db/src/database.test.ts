import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { workspaces } from './schema/index.js';

const serverUrl = process.env.DATABASE_URL;

describe('openDatabase', () => {
  it('migrates an embedded database and reads back what it wrote', async () => {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await handle.db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'key-12345678', emailFrom: 'a@b.c' });
    const [row] = await handle.db.select().from(workspaces);
    expect(row).toMatchObject({ id: 'ws', name: 'Shop' });
    // Drawn from Postgres's strong random source (two v4 UUIDs, dashes removed), not md5(random()).
    expect(row!.trackingSecret).toMatch(/^[0-9a-f]{64}$/);
    await handle.close();
  });

  // CI sets DATABASE_URL; without a Postgres server there is no race to test.
  it.runIf(serverUrl)('lets a server and workers starting together on a fresh database migrate it once (they raced: CREATE TABLE twice)', async () => {
    const name = `tend_race_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    try {
      const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ url: url.toString() })));
      for (const handle of handles) await handle.ping();
      await Promise.all(handles.map((handle) => handle.close()));
    } finally {
      await admin.query(`drop database if exists "${name}"`);
      await admin.end();
    }
  });
});
