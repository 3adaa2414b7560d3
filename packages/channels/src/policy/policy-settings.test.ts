import type { Database, DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace, testWorkspaceId as workspaceId } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyOf, savePolicy } from './policy-settings.js';

describe('message policy settings', () => {
  let database: DatabaseHandle;
  let db: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    await seedWorkspace(db);
  });
  afterAll(async () => database?.close());

  it('gives a new workspace no caps, no quiet hours, and SMS marketing only to contacts who opted in', async () => {
    expect(await policyOf(db, workspaceId)).toEqual({
      email: { requireOptIn: false, cap: null },
      sms: { requireOptIn: false, cap: null },
      push: { requireOptIn: false, cap: null },
      quietHours: null,
    });
  });

  it('keeps what was saved, with the defaults around it', async () => {
    await savePolicy(db, workspaceId, { email: { cap: { count: 3, perDays: 7 } }, quietHours: { start: '21:00', end: '09:00' } });
    expect(await policyOf(db, workspaceId)).toMatchObject({
      email: { requireOptIn: false, cap: { count: 3, perDays: 7 } },
      sms: { requireOptIn: false, cap: null },
      quietHours: { start: '21:00', end: '09:00', channels: ['sms', 'push'], defaultTimeZone: 'UTC' },
    });
  });

  it('refuses a policy that cannot be followed, saying which field and why', async () => {
    await expect(savePolicy(db, workspaceId, { sms: { cap: { count: 0, perDays: 1 } } })).rejects.toThrow('a cap allows at least 1 message');
    await expect(savePolicy(db, workspaceId, { quietHours: { start: '9pm', end: '09:00' } })).rejects.toThrow('write a time of day as HH:MM');
    await expect(savePolicy(db, workspaceId, { quietHours: { start: '21:00', end: '09:00', defaultTimeZone: 'Mars/Olympus' } })).rejects.toThrow('IANA time zone');
    expect((await policyOf(db, workspaceId)).email.cap).toEqual({ count: 3, perDays: 7 });
  });
});
