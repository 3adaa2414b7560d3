// A server keeps the write keys it has checked for a few seconds; these pin how long, and what ends it sooner.
import { eq, workspaces, type DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { forgetWriteKeys, workspaceForAuthorization, writeKeyCacheMs } from './auth.js';

let database: DatabaseHandle;
let seeded = 0;
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
const workspaceOf = (key: string) => workspaceForAuthorization(database.db, basic(key));

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());
afterEach(() => vi.useRealTimers());

/** Rotates as another server would: this one's memory is not told. */
async function rotateElsewhere(workspaceId: string, graceMs: number): Promise<string> {
  const writeKey = `wk-new-${workspaceId}-${Date.now()}`;
  const [current] = await database.db.select({ writeKey: workspaces.writeKey }).from(workspaces).where(eq(workspaces.id, workspaceId));
  await database.db
    .update(workspaces)
    .set({ writeKey, previousWriteKey: current!.writeKey, previousWriteKeyExpiresAt: new Date(Date.now() + graceMs) })
    .where(eq(workspaces.id, workspaceId));
  return writeKey;
}

test('a key revoked on another server stops working here within the cache time, and a new key works at once', async () => {
  vi.useFakeTimers({ toFake: ['performance'] });
  const workspaceId = await seedWorkspace(database.db, { id: `ws-auth-${++seeded}` });
  const old = `wk-${workspaceId}`;
  expect(await workspaceOf(old)).toBe(workspaceId);

  const fresh = await rotateElsewhere(workspaceId, 0);
  expect(await workspaceOf(fresh)).toBe(workspaceId);
  expect(await workspaceOf(old)).toBe(workspaceId); // still kept here
  vi.advanceTimersByTime(writeKeyCacheMs + 1);
  expect(await workspaceOf(old)).toBeNull();
});

test('a previous key is kept no longer than its grace period', async () => {
  const workspaceId = await seedWorkspace(database.db, { id: `ws-auth-${++seeded}` });
  const old = `wk-${workspaceId}`;
  await rotateElsewhere(workspaceId, 300);
  expect(await workspaceOf(old)).toBe(workspaceId);
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(await workspaceOf(old)).toBeNull();
});

test('a rotation made on this server ends the old key here at once', async () => {
  const workspaceId = await seedWorkspace(database.db, { id: `ws-auth-${++seeded}` });
  const old = `wk-${workspaceId}`;
  expect(await workspaceOf(old)).toBe(workspaceId);
  await rotateElsewhere(workspaceId, 0);
  forgetWriteKeys(database.db, workspaceId);
  expect(await workspaceOf(old)).toBeNull();
});

test('an unknown key is refused each time it is asked, so it works as soon as it is issued', async () => {
  const workspaceId = await seedWorkspace(database.db, { id: `ws-auth-${++seeded}`, writeKey: 'wk-now' });
  expect(await workspaceOf('wk-later')).toBeNull();
  await database.db.update(workspaces).set({ writeKey: 'wk-later' }).where(eq(workspaces.id, workspaceId));
  expect(await workspaceOf('wk-later')).toBe(workspaceId);
  expect(await workspaceForAuthorization(database.db, undefined)).toBeNull();
});
