import { consentChanges, eq } from '@tend/db';
import { availableTestDatabases, insertContact, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentsOf, setConsent, suppress, suppressionOf } from './consent-store.js';

describe.each(availableTestDatabases())('consent store on %s', (kind) => {
  const opened = openTestDatabase(kind);
  let workspaceId: string;
  beforeAll(async () => {
    const { db } = await opened;
    workspaceId = await seedWorkspace(db, { id: `consent-${kind}` });
    await insertContact(db, { id: `${kind}-ada`, workspaceId });
  });
  afterAll(async () => (await opened).close());

  it('keeps the state per channel and topic, and records each change with its source once', async () => {
    const { db } = await opened;
    const contactId = `${kind}-ada`;
    expect(await setConsent(db, { workspaceId, contactId, channel: 'email', topic: 'offers', status: 'unsubscribed', source: 'one-click' })).toEqual({ changed: true });
    expect(await setConsent(db, { workspaceId, contactId, channel: 'email', topic: 'offers', status: 'unsubscribed', source: 'one-click' })).toEqual({ changed: false });
    await setConsent(db, { workspaceId, contactId, channel: 'sms', status: 'unsubscribed', source: 'sms-keyword', detail: { keyword: 'STOP' } });
    expect([...(await consentsOf(db, workspaceId, contactId, 'email'))]).toEqual([['offers', 'unsubscribed']]);
    expect([...(await consentsOf(db, workspaceId, contactId, 'sms'))]).toEqual([['', 'unsubscribed']]);
    const audit = await db.select().from(consentChanges).where(eq(consentChanges.contactId, contactId));
    expect(audit.map((row) => [row.channel, row.topic, row.status, row.source])).toEqual([
      ['email', 'offers', 'unsubscribed', 'one-click'],
      ['sms', '', 'unsubscribed', 'sms-keyword'],
    ]);
  });

  it('suppresses an address whatever its case, once', async () => {
    const { db } = await opened;
    await suppress(db, { workspaceId, channel: 'email', address: 'Ada@Example.com', reason: 'hard-bounce', source: 'webhook' });
    await suppress(db, { workspaceId, channel: 'email', address: 'ada@example.com', reason: 'complaint', source: 'webhook' });
    expect(await suppressionOf(db, workspaceId, 'email', 'ADA@example.com')).toBe('hard-bounce');
    expect(await suppressionOf(db, workspaceId, 'sms', '+14155550123')).toBeNull();
  });
});
