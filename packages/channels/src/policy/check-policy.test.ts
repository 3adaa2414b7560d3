import { messages, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId as workspaceId } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConsent, suppress } from '../consent/consent-store.js';
import { checkPolicy, type PolicyQuestion } from './check-policy.js';
import { savePolicy } from './policy-settings.js';

describe('checkPolicy', () => {
  let database: DatabaseHandle;
  let db: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    await seedWorkspace(db);
  });
  afterAll(async () => database?.close());

  const now = new Date('2026-03-10T12:00:00Z');
  let sends = 0;
  const ask = (contactId: string, question: Partial<PolicyQuestion> = {}) =>
    checkPolicy(db, { workspaceId, contactId, channel: 'email', recipient: `${contactId}@example.com`, idempotencyKey: `new/${contactId}/${++sends}`, now, ...question });

  /** A message the ledger sent the contact at `sentAt`. */
  const sent = (contactId: string, sentAt: string, values: Partial<typeof messages.$inferInsert> = {}) =>
    db.insert(messages).values({ idempotencyKey: `old/${contactId}/${++sends}`, workspaceId, contactId, channel: 'email', recipient: `${contactId}@example.com`, status: 'sent', sentAt: new Date(sentAt), ...values });

  it('sends marketing email to a contact who never said anything, but not after they unsubscribed from the channel or the topic', async () => {
    const [ada, bo, cy] = await Promise.all(['ada', 'bo', 'cy'].map((id) => insertContact(db, { id })));
    await setConsent(db, { workspaceId, contactId: bo!, channel: 'email', status: 'unsubscribed', source: 'one-click' });
    await setConsent(db, { workspaceId, contactId: cy!, channel: 'email', topic: 'offers', status: 'unsubscribed', source: 'preference-page' });

    expect(await ask(ada!, { topic: 'offers' })).toEqual({ verdict: 'send' });
    expect(await ask(bo!, { topic: 'offers' })).toEqual({ verdict: 'skip', reason: 'the contact unsubscribed from email marketing' });
    expect(await ask(cy!, { topic: 'offers' })).toEqual({ verdict: 'skip', reason: 'the contact unsubscribed from "offers" by email' });
    expect(await ask(cy!, { topic: 'news' })).toEqual({ verdict: 'send' });
  });

  it('sends a transactional message whatever the subscriptions, and nothing at all to a suppressed address', async () => {
    const dee = await insertContact(db, { id: 'dee' });
    await setConsent(db, { workspaceId, contactId: dee, channel: 'email', status: 'unsubscribed', source: 'one-click' });
    expect(await ask(dee, { purpose: 'transactional' })).toEqual({ verdict: 'send' });

    await suppress(db, { workspaceId, channel: 'email', address: 'DEE@example.com', reason: 'hard-bounce', source: 'webhook' });
    expect(await ask(dee, { purpose: 'transactional' })).toEqual({ verdict: 'skip', reason: 'the email address is suppressed (hard bounce)' });
  });

  it('texts marketing only to a contact who opted in, where the workspace requires it', async () => {
    await savePolicy(db, workspaceId, { sms: { requireOptIn: true } });
    const [eve, fay] = await Promise.all(['eve', 'fay'].map((id) => insertContact(db, { id })));
    await setConsent(db, { workspaceId, contactId: fay!, channel: 'sms', status: 'subscribed', source: 'form' });
    const sms = { channel: 'sms' as const, recipient: '+14155550123' };

    expect(await ask(eve!, sms)).toEqual({ verdict: 'skip', reason: 'the contact has not opted in to SMS marketing' });
    expect(await ask(fay!, sms)).toEqual({ verdict: 'send' });
    expect(await ask(eve!, { ...sms, purpose: 'transactional' })).toEqual({ verdict: 'send' });
    await savePolicy(db, workspaceId, {});
    // By default only an unsubscribe stops a marketing text.
    expect(await ask(eve!, sms)).toEqual({ verdict: 'send' });
  });

  describe('frequency caps', () => {
    beforeAll(() => savePolicy(db, workspaceId, { email: { cap: { count: 2, perDays: 7 } } }));
    afterAll(() => savePolicy(db, workspaceId, {}));

    it('defers the message that would pass the cap until the oldest counted send leaves the window', async () => {
      const gus = await insertContact(db, { id: 'gus' });
      await sent(gus, '2026-03-01T11:00:00Z'); // left the window already
      await sent(gus, '2026-03-04T09:30:00Z');
      await sent(gus, '2026-03-09T08:00:00Z');

      expect(await ask(gus)).toEqual({ verdict: 'defer', until: new Date('2026-03-11T09:30:00Z'), reason: 'the email frequency cap (2 in 7 days)' });
      expect(await ask(gus, { whenHeld: 'skip' })).toEqual({ verdict: 'skip', reason: 'held by the email frequency cap (2 in 7 days); the step skips held messages' });
      expect(await ask(gus, { purpose: 'transactional' })).toEqual({ verdict: 'send' });
      expect(await ask(gus, { now: new Date('2026-03-11T09:30:00Z') })).toEqual({ verdict: 'send' });
    });

    it('counts only marketing the contact was sent: not transactional, test, skipped or other-channel messages', async () => {
      const hal = await insertContact(db, { id: 'hal' });
      await sent(hal, '2026-03-09T08:00:00Z');
      await sent(hal, '2026-03-09T09:00:00Z', { purpose: 'transactional' });
      await sent(hal, '2026-03-09T10:00:00Z', { test: true });
      await sent(hal, '2026-03-09T11:00:00Z', { status: 'skipped', reason: 'no address' });
      await sent(hal, '2026-03-09T12:00:00Z', { channel: 'sms' });

      expect(await ask(hal)).toEqual({ verdict: 'send' });
    });
  });

  describe('quiet hours', () => {
    beforeAll(() => savePolicy(db, workspaceId, { sms: { requireOptIn: false }, quietHours: { start: '21:00', end: '09:00', channels: ['sms'] } }));
    afterAll(() => savePolicy(db, workspaceId, {}));
    const sms = { channel: 'sms' as const, recipient: '+447700900123' };

    it('defers an SMS at 23:00 in the contact’s zone to 09:00 there, across the night the clocks go forward', async () => {
      const ivy = await insertContact(db, { id: 'ivy', traits: { timezone: 'Europe/London' } });
      // 28 March 2026, 23:00 GMT; British Summer Time starts at 01:00 GMT on the 29th.
      const verdict = await ask(ivy, { ...sms, now: new Date('2026-03-28T23:00:00Z') });
      expect(verdict).toEqual({ verdict: 'defer', until: new Date('2026-03-29T08:00:00Z'), reason: 'quiet hours (21:00–09:00 Europe/London)' });
    });

    it('lets the SMS go outside quiet hours, email at any hour, and a transactional SMS at night', async () => {
      const jo = await insertContact(db, { id: 'jo', traits: { timezone: 'America/New_York' } });
      expect(await ask(jo, { ...sms, now: new Date('2026-03-10T14:00:00Z') })).toEqual({ verdict: 'send' }); // 10:00 EDT
      expect(await ask(jo, { now: new Date('2026-03-11T03:00:00Z') })).toEqual({ verdict: 'send' });
      expect(await ask(jo, { ...sms, purpose: 'transactional', now: new Date('2026-03-11T03:00:00Z') })).toEqual({ verdict: 'send' });
    });

    it('uses the policy’s zone for a contact without one, and the contact’s zone given by the caller', async () => {
      const kai = await insertContact(db, { id: 'kai' });
      const night = new Date('2026-03-11T02:00:00Z'); // 02:00 UTC, 11:00 in Tokyo
      expect(await ask(kai, { ...sms, now: night })).toMatchObject({ verdict: 'defer', until: new Date('2026-03-11T09:00:00Z') });
      expect(await ask(kai, { ...sms, now: night, contactTimeZone: 'Asia/Tokyo' })).toEqual({ verdict: 'send' });
    });
  });
});
