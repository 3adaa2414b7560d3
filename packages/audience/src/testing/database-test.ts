import type { Database } from '@tend/db';
import { openTestDatabase, seedWorkspace, type TestDatabaseKind } from '@tend/db/testing';
import { test as base } from 'vitest';

let workspaces = 0;

/**
 * A vitest `test` with one database for the file (opening one costs a second or two) and a fresh
 * workspace per test, so tests in a file never see each other's rows.
 */
export function databaseTest(kind: TestDatabaseKind = 'pglite') {
  return base.extend<{ db: Database; workspaceId: string }>({
    db: [
      // eslint-disable-next-line no-empty-pattern -- vitest reads the fixture's dependencies from this pattern
      async ({}, use) => {
        const handle = await openTestDatabase(kind);
        try {
          await use(handle.db);
        } finally {
          await handle.close();
        }
      },
      { scope: 'file' },
    ],
    workspaceId: async ({ db }, use) => {
      const id = `ws${++workspaces}`;
      await use(await seedWorkspace(db, { id, writeKey: `wk-${id}` }));
    },
  });
}
