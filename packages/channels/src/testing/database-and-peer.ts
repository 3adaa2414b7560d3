import type { Database, DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll } from 'vitest';

/** What a test file's tests share: a test database with the test workspace, and a started peer. */
export interface DatabaseAndPeer<P> {
  readonly db: Database;
  readonly peer: P;
}

/**
 * Opens a test database (seeded with the test workspace) and starts a protocol peer (Twilio,
 * push service) before the file's tests, both at once, and closes both after them. Read `db`
 * and `peer` inside tests: they exist once the file's `beforeAll` ran. For tests only (it
 * registers vitest hooks), so the package's `testing` entry does not export it.
 */
export function withDatabaseAndPeer<P extends { stop(): Promise<void> }>(startPeer: () => Promise<P>): DatabaseAndPeer<P> {
  let database: DatabaseHandle | undefined;
  let peer: P | undefined;
  beforeAll(async () => {
    [database, peer] = await Promise.all([openTestDatabase(), startPeer()]);
    await seedWorkspace(database.db);
  });
  afterAll(async () => {
    await peer?.stop();
    await database?.close();
  });
  const notReady = () => new Error('The test database and peer exist inside tests only (after beforeAll).');
  return {
    get db() {
      if (!database) throw notReady();
      return database.db;
    },
    get peer() {
      if (!peer) throw notReady();
      return peer;
    },
  };
}
