import { httpSmsTransport, savePolicy, setConsent } from '@tend/channels';
import { startHttpPeer, type HttpPeer } from '@tend/channels/testing';
import { contacts, eq, messages, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { runNode } from '@tend/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSms } from './send-sms.js';

describe('send-sms', () => {
  let database: DatabaseHandle;
  let db: Database;
  let provider: HttpPeer;

  beforeAll(async () => {
    [database, provider] = await Promise.all([openTestDatabase(), startHttpPeer()]);
    db = database.db;
    await seedWorkspace(db);
    // These tests are about delivery: marketing SMS without an opt-in has its own test below.
    await savePolicy(db, testWorkspaceId, { sms: { requireOptIn: false } });
  });
  afterAll(async () => {
    await provider?.stop();
    await database?.close();
  });

  const withProvider = () => ({ db, sms: httpSmsTransport(`${provider.url}/v1/messages`) });
  const config = { body: 'Hi {{ contact.firstName }}, welcome to {{ event.properties.plan }}!' };

  /** The contact's visit to the SMS step, in a journey they entered by signing up for the pro plan. */
  const visit = (contactId: string) => ({
    workspaceId: testWorkspaceId,
    contactId,
    idempotencyKey: `${contactId}/visit-1`,
    entryEvent: { name: 'Signed Up', properties: { plan: 'pro' } },
  });

  async function ledgerRow(idempotencyKey: string) {
    const [row] = await db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
    return row;
  }

  it('texts the contact once per idempotency key: a retried activity sends nothing', async () => {
    const ada = await insertContact(db, { id: 'ada', traits: { firstName: 'Ada', phone: '+1 (415) 555-0123' } });
    const context = visit(ada);
    const before = provider.received.length;
    provider.reply({ status: 201, json: { id: 'sms-1' } });

    expect(await runNode(sendSms, { config, deps: withProvider(), context })).toEqual({ ok: true, output: 'next', outcome: 'sent' });
    expect(await runNode(sendSms, { config, deps: withProvider(), context })).toEqual({ ok: true, output: 'next', outcome: 'sent' });

    const requests = provider.received.slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/messages',
      headers: { 'content-type': 'application/json', 'idempotency-key': context.idempotencyKey },
      json: { to: '+14155550123', body: 'Hi Ada, welcome to pro!', idempotencyKey: context.idempotencyKey },
    });
    expect(await ledgerRow(context.idempotencyKey)).toMatchObject({
      channel: 'sms',
      status: 'sent',
      recipient: '+14155550123',
      body: 'Hi Ada, welcome to pro!',
      providerMessageId: 'sms-1',
      attempts: 1,
    });
  });

  it('sends credentials written in SMS_URL as Basic auth', async () => {
    const kim = await insertContact(db, { id: 'kim', traits: { phone: '+447700900123' } });
    const before = provider.received.length;
    const url = new URL(provider.url);
    url.username = 'acct';
    url.password = 's3cret';

    await runNode(sendSms, { config: { body: 'Hello' }, deps: { db, sms: httpSmsTransport(url.toString()) }, context: visit(kim) });

    expect(provider.received.slice(before)[0]?.headers.authorization).toBe(`Basic ${Buffer.from('acct:s3cret').toString('base64')}`);
  });

  it('skips a contact without a phone number, or with one that is not international, and records why', async () => {
    const noPhone = await insertContact(db, { id: 'no-phone', traits: { firstName: 'Grace' } });
    const localPhone = await insertContact(db, { id: 'local-phone', traits: { phone: '0415 555 0123' } });
    const [first, second] = [visit(noPhone), visit(localPhone)];
    const before = provider.received.length;

    await runNode(sendSms, { config, deps: withProvider(), context: first });
    await runNode(sendSms, { config, deps: withProvider(), context: second });
    await runNode(sendSms, { config, deps: withProvider(), context: first });

    expect(provider.received.length).toBe(before);
    expect(await ledgerRow(first.idempotencyKey)).toMatchObject({ channel: 'sms', status: 'skipped', reason: 'the contact has no phone number' });
    expect((await ledgerRow(second.idempotencyKey))?.reason).toMatch(/not in international form/);
  });

  it('throws on a provider error, so Temporal retries, and the retry delivers exactly once', async () => {
    const linus = await insertContact(db, { id: 'linus', traits: { firstName: 'Linus', phone: '+4915112345678' } });
    const context = visit(linus);
    const before = provider.received.length;
    provider.reply({ status: 500, text: 'upstream carrier down' });

    const failure = runNode(sendSms, { config, deps: withProvider(), context });
    await expect(failure).rejects.toThrow('the SMS provider answered HTTP 500: upstream carrier down');
    await expect(failure).rejects.not.toMatchObject({ nonRetryable: true });
    expect(await ledgerRow(context.idempotencyKey)).toMatchObject({ status: 'sending', attempts: 1, lastError: expect.stringContaining('HTTP 500') });

    await runNode(sendSms, { config, deps: withProvider(), context });
    await runNode(sendSms, { config, deps: withProvider(), context });

    const requests = provider.received.slice(before);
    expect(requests.map((request) => request.headers['idempotency-key'])).toEqual([context.idempotencyKey, context.idempotencyKey]);
    expect(await ledgerRow(context.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('closes a failed send as skipped when the contact has lost their number by the retry', async () => {
    const ida = await insertContact(db, { id: 'ida', traits: { phone: '+14155550111' } });
    const context = visit(ida);
    provider.reply({ status: 502 });
    await expect(runNode(sendSms, { config, deps: withProvider(), context })).rejects.toThrow('HTTP 502');

    await db.update(contacts).set({ traits: {} }).where(eq(contacts.id, ida));
    await runNode(sendSms, { config, deps: withProvider(), context });

    expect(await ledgerRow(context.idempotencyKey)).toMatchObject({ status: 'skipped', reason: 'the contact has no phone number', attempts: 1 });
  });

  it('fails for good when the provider refuses the message (422), without asking it again', async () => {
    const ren = await insertContact(db, { id: 'ren', traits: { phone: '+15550000000' } });
    const context = visit(ren);
    const before = provider.received.length;
    provider.reply({ status: 422, json: { error: 'unroutable number' } });

    await expect(runNode(sendSms, { config, deps: withProvider(), context })).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringContaining('the SMS provider refused the message (HTTP 422'),
    });
    await expect(runNode(sendSms, { config, deps: withProvider(), context })).rejects.toMatchObject({ nonRetryable: true });

    expect(provider.received.length).toBe(before + 1);
    expect(await ledgerRow(context.idempotencyKey)).toMatchObject({ status: 'failed', reason: expect.stringContaining('unroutable number') });
  });

  // Temporal starts a retry once an attempt passes its timeout while the first may still be talking to the provider.
  it('sends one SMS when two attempts of the same send run at once', async () => {
    const mo = await insertContact(db, { id: 'mo', traits: { phone: '+33612345678' } });
    const context = visit(mo);
    const before = provider.received.length;
    provider.reply({ status: 200, json: { id: 'slow' }, delayMs: 300 });
    const send = () => runNode(sendSms, { config, deps: withProvider(), context });

    const attempts = await Promise.allSettled([send(), send()]);

    expect(attempts.map((attempt) => attempt.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(provider.received.length).toBe(before + 1);
  });

  it('fails without retrying when no SMS provider is configured, naming the setting', async () => {
    const sam = await insertContact(db, { id: 'sam', traits: { phone: '+14155550199' } });
    await expect(runNode(sendSms, { config, deps: { db }, context: visit(sam) })).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringContaining('SMS is not configured: set SMS_URL'),
    });
  });

  describe('the message policy', () => {
    afterAll(() => savePolicy(db, testWorkspaceId, { sms: { requireOptIn: false } }));

    it('texts marketing only to a contact who opted in where the workspace requires it, and records why the others got nothing', async () => {
      await savePolicy(db, testWorkspaceId, { sms: { requireOptIn: true } });
      const [uma, val] = [await insertContact(db, { id: 'uma', traits: { phone: '+14155550150' } }), await insertContact(db, { id: 'val', traits: { phone: '+14155550151' } })];
      await setConsent(db, { workspaceId: testWorkspaceId, contactId: val, channel: 'sms', status: 'subscribed', source: 'form' });
      const before = provider.received.length;

      expect(await runNode(sendSms, { config: { body: 'Sale!' }, deps: withProvider(), context: visit(uma) })).toMatchObject({ outcome: 'skipped' });
      expect(await runNode(sendSms, { config: { body: 'Sale!' }, deps: withProvider(), context: visit(val) })).toMatchObject({ outcome: 'sent' });
      expect(await runNode(sendSms, { config: { body: 'Your code is 1234', purpose: 'transactional' }, deps: withProvider(), context: { ...visit(uma), idempotencyKey: 'uma/code' } })).toMatchObject({ outcome: 'sent' });

      expect(provider.received.slice(before).map((request) => (request.json as { to: string }).to)).toEqual(['+14155550151', '+14155550150']);
      expect(await ledgerRow(visit(uma).idempotencyKey)).toMatchObject({ status: 'skipped', reason: 'the contact has not opted in to SMS marketing', purpose: 'marketing' });
    });

    it('defers a marketing SMS in quiet hours: the attempt fails with Temporal retrying it when they end', async () => {
      // Quiet all day but the last minute, so the test holds whatever the hour it runs at.
      await savePolicy(db, testWorkspaceId, { sms: { requireOptIn: false }, quietHours: { start: '00:00', end: '23:59', channels: ['sms'] } });
      const wes = await insertContact(db, { id: 'wes', traits: { phone: '+14155550152' } });
      const before = provider.received.length;

      const attempt = runNode(sendSms, { config: { body: 'Sale!' }, deps: withProvider(), context: visit(wes) });

      await expect(attempt).rejects.toMatchObject({ type: 'MessageDeferred', nonRetryable: false, message: expect.stringContaining('quiet hours (00:00–23:59 UTC)') });
      const row = await ledgerRow(visit(wes).idempotencyKey);
      expect(row).toMatchObject({ status: 'deferred', reason: 'quiet hours (00:00–23:59 UTC)' });
      const delay = (await attempt.catch((error: { nextRetryDelay: number }) => error.nextRetryDelay)) as number;
      expect(Math.abs(Date.now() + delay - row!.deferredUntil!.getTime())).toBeLessThan(5_000);
      expect(provider.received.length).toBe(before);
    });
  });
});
