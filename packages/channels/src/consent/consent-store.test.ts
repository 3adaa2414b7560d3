import { consentChanges, eq, suppressions } from '@tend/db';
import { availableTestDatabases, insertContact, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentHistory, consentsOf, listSuppressions, removeSuppression, setConsent, suppress, suppressionOf, suppressionsOf } from './consent-store.js';

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

  it('lists the history oldest first, so each change follows the one it replaced', async () => {
    const { db } = await opened;
    const contactId = `${kind}-ada`;
    await setConsent(db, { workspaceId, contactId, channel: 'email', topic: 'offers', status: 'subscribed', source: 'console', detail: { actorLabel: 'ines@shop.example' } });
    const history = await consentHistory(db, workspaceId, contactId);
    expect(history.map((row) => [row.channel, row.topic, row.status, row.source])).toEqual([
      ['email', 'offers', 'unsubscribed', 'one-click'],
      ['sms', '', 'unsubscribed', 'sms-keyword'],
      ['email', 'offers', 'subscribed', 'console'],
    ]);
  });

  it('lists suppressions newest first, by channel and by part of the address, a page at a time', async () => {
    const { db } = await opened;
    const listed = `${workspaceId}-list`;
    for (const [index, address] of ['one@example.com', 'two@example.com', 'three@example.org'].entries()) {
      await db.insert(suppressions).values({ workspaceId: listed, channel: 'email', address, reason: 'hard-bounce', source: 'webhook', createdAt: new Date(Date.UTC(2020, 0, 1 + index)) });
    }
    await suppress(db, { workspaceId: listed, channel: 'sms', address: '+14155550123', reason: 'unsubscribed', source: 'sms-keyword' });

    const first = await listSuppressions(db, listed, { offset: 0, limit: 2 });
    expect(first.suppressions.map((row) => row.address)).toEqual(['+14155550123', 'three@example.org']);
    expect(first.more).toBe(true);
    const second = await listSuppressions(db, listed, { offset: 2, limit: 2 });
    expect(second.suppressions.map((row) => row.address)).toEqual(['two@example.com', 'one@example.com']);
    expect(second.more).toBe(false);
    expect((await listSuppressions(db, listed, { channel: 'email', search: 'EXAMPLE.COM', offset: 0, limit: 10 })).suppressions.map((row) => row.address)).toEqual([
      'two@example.com',
      'one@example.com',
    ]);
    // A search is text, not a pattern.
    expect((await listSuppressions(db, listed, { search: '%', offset: 0, limit: 10 })).suppressions).toEqual([]);
  });

  it("finds a contact's suppressed addresses, and removes one so sends reach it again", async () => {
    const { db } = await opened;
    await suppress(db, { workspaceId, channel: 'sms', address: '+447700900123', reason: 'invalid-number', source: 'delivery-report' });
    const found = await suppressionsOf(db, workspaceId, [
      { channel: 'email', address: 'ADA@example.com' },
      { channel: 'sms', address: '+447700900123' },
      { channel: 'sms', address: '+14155550199' },
    ]);
    expect(found.map((row) => row && [row.channel, row.address, row.reason])).toEqual([
      ['email', 'ada@example.com', 'hard-bounce'],
      ['sms', '+447700900123', 'invalid-number'],
      null,
    ]);
    expect(await suppressionsOf(db, workspaceId, [])).toEqual([]);

    expect(await removeSuppression(db, workspaceId, 'email', 'Ada@Example.com')).toMatchObject({ address: 'ada@example.com', reason: 'hard-bounce' });
    expect(await suppressionOf(db, workspaceId, 'email', 'ada@example.com')).toBeNull();
    expect(await removeSuppression(db, workspaceId, 'email', 'ada@example.com')).toBeNull();
  });
});
