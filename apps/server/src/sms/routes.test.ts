// Texts people send back (STOP, START, HELP, replies) and delivery reports, through the HTTP app, signed as Twilio signs them.
import { consentHistory, consentsOf, sendSmsOnce, suppressionOf, twilioSmsTransport } from '@tend/channels';
import { startTwilioPeer, type SignedTwilioRequest, type TwilioPeer } from '@tend/channels/testing';
import { and, eq, events, messages, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.js';

const publicUrl = 'https://tend.example';
const workspaceId = 'sms-shop';
const shopNumber = '+14155550100';
const inboundUrl = `${publicUrl}/webhooks/sms/${workspaceId}`;

let database: DatabaseHandle;
let twilio: TwilioPeer;
let app: FastifyInstance;
let sms: ReturnType<typeof twilioSmsTransport>;

beforeAll(async () => {
  [database, twilio] = await Promise.all([openTestDatabase('pglite'), startTwilioPeer()]);
  await seedWorkspace(database.db, { id: workspaceId, name: 'Acme Shoes', writeKey: 'wk-sms', emailFrom: 'Acme Shoes <help@acme.example>' });
  sms = twilioSmsTransport({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: shopNumber,
    baseUrl: twilio.url,
    statusCallbackUrl: (id) => `${publicUrl}/webhooks/sms/${id}/status`,
  });
  // Temporal is never reached: nothing here starts a journey.
  app = await buildServer({ db: database.db, temporal: {} as Client, health: async () => ({ ok: true, components: {} as never }), publicUrl, senders: { sms } });
});

afterAll(async () => {
  await app?.close();
  await twilio?.stop();
  await database?.close();
});

const deliver = (request: SignedTwilioRequest, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: new URL(request.url).pathname, headers: { ...request.headers, ...headers }, payload: request.payload });
const text = (from: string, body: string) => deliver(twilio.inbound(inboundUrl, { from, to: shopNumber, body }));

describe('inbound SMS keywords', () => {
  it('unsubscribes the contact on STOP, records why, suppresses the number and answers as carriers require', async () => {
    const ada = await insertContact(database.db, { id: 'sms-ada', workspaceId, traits: { phone: '+1 (415) 555-0123' } });

    const response = await text('+14155550123', '  stop ');

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>You are unsubscribed from Acme Shoes messages. Reply START to resubscribe.</Message></Response>',
    );
    expect(await consentsOf(database.db, workspaceId, ada, 'sms')).toEqual(new Map([['', 'unsubscribed']]));
    expect(await consentHistory(database.db, workspaceId, ada)).toMatchObject([{ channel: 'sms', status: 'unsubscribed', source: 'sms-keyword', detail: { keyword: 'STOP' } }]);
    expect(await suppressionOf(database.db, workspaceId, 'sms', '+14155550123')).toBe('unsubscribed');
  });

  it('reads the form whatever charset its content type names', async () => {
    const request = twilio.inbound(inboundUrl, { from: '+14155550170', to: shopNumber, body: 'INFO' });
    const response = await deliver(request, { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<Message>Acme Shoes: for help');
  });

  it('takes every carrier keyword for stop, in any case', async () => {
    for (const [i, keyword] of ['STOPALL', 'Unsubscribe', 'cancel', 'END', 'quit'].entries()) {
      const number = `+1415555020${i}`;
      const contact = await insertContact(database.db, { id: `sms-stop-${i}`, workspaceId, traits: { phone: number } });
      const response = await text(number, keyword);
      expect(response.body).toContain('You are unsubscribed from Acme Shoes messages.');
      expect((await consentsOf(database.db, workspaceId, contact, 'sms')).get('')).toBe('unsubscribed');
    }
  });

  it('subscribes again on START and lifts the suppression', async () => {
    const kim = await insertContact(database.db, { id: 'sms-kim', workspaceId, traits: { phone: '07700 900123', country: 'GB' } });
    await text('+447700900123', 'STOP');

    const response = await text('+447700900123', 'Start');

    expect(response.body).toContain('<Message>You are subscribed to Acme Shoes messages again. Reply HELP for help, STOP to unsubscribe.</Message>');
    expect((await consentsOf(database.db, workspaceId, kim, 'sms')).get('')).toBe('subscribed');
    expect((await consentHistory(database.db, workspaceId, kim)).map((change) => [change.status, change.detail?.keyword])).toEqual([
      ['unsubscribed', 'STOP'],
      ['subscribed', 'START'],
    ]);
    expect(await suppressionOf(database.db, workspaceId, 'sms', '+447700900123')).toBeNull();
  });

  it('answers HELP with who is texting and how to stop, changing nothing', async () => {
    const grace = await insertContact(database.db, { id: 'sms-grace', workspaceId, traits: { phone: '+4915112345678' } });

    const response = await text('+4915112345678', 'help');

    expect(response.body).toContain(
      '<Message>Acme Shoes: for help, contact help@acme.example. Msg &amp; data rates may apply. Reply STOP to unsubscribe, START to resubscribe.</Message>',
    );
    expect(await consentHistory(database.db, workspaceId, grace)).toEqual([]);
  });

  it('honours STOP from a number no contact has yet, by suppressing it', async () => {
    const response = await text('+14155550999', 'STOP');
    expect(response.body).toContain('You are unsubscribed');
    expect(await suppressionOf(database.db, workspaceId, 'sms', '+14155550999')).toBe('unsubscribed');
  });

  it('stores any other text as an "SMS Received" event of the contact and answers with no reply', async () => {
    const linus = await insertContact(database.db, { id: 'sms-linus', workspaceId, traits: { phone: '+33612345678' } });

    const response = await text('+33612345678', 'Do you have these in size 44?');

    expect(response.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const received = await database.db.select().from(events).where(and(eq(events.contactId, linus), eq(events.name, 'SMS Received')));
    expect(received).toMatchObject([{ type: 'track', properties: { body: 'Do you have these in size 44?', from: '+33612345678', to: shopNumber } }]);
    expect(await consentHistory(database.db, workspaceId, linus)).toEqual([]);
  });

  it('refuses a forged or tampered request with a bare 403, changing nothing', async () => {
    const mo = await insertContact(database.db, { id: 'sms-mo', workspaceId, traits: { phone: '+14155550150' } });
    const genuine = twilio.inbound(inboundUrl, { from: '+14155550150', to: shopNumber, body: 'HELP' });
    const attempts = [
      // Signed for HELP, sent with STOP.
      deliver({ ...genuine, payload: genuine.payload.replace('Body=HELP', 'Body=STOP') }),
      // Signed with another auth token.
      deliver(genuine, { 'x-twilio-signature': 'bm90IHR3aWxpbydzIHNpZ25hdHVyZQ==' }),
      // Not signed at all.
      app.inject({ method: 'POST', url: `/webhooks/sms/${workspaceId}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'From=%2B14155550150&Body=STOP&MessageSid=SM1' }),
      // Signed for another workspace's URL, replayed to this one.
      deliver({ ...twilio.inbound(`${publicUrl}/webhooks/sms/other`, { from: '+14155550150', to: shopNumber, body: 'STOP' }), url: inboundUrl }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'forbidden' });
    }
    expect(await consentHistory(database.db, workspaceId, mo)).toEqual([]);
    expect(await suppressionOf(database.db, workspaceId, 'sms', '+14155550150')).toBeNull();
  });
});

describe('SMS delivery reports', () => {
  async function sent(id: string, phone: string) {
    const contactId = await insertContact(database.db, { id, workspaceId, traits: { phone } });
    const idempotencyKey = `${id}/run/sms/1`;
    const outcome = await sendSmsOnce(database.db, sms, {
      idempotencyKey,
      workspaceId,
      contactId,
      journeyId: 'j',
      nodeId: 'sms',
      config: { body: 'Your order shipped', purpose: 'transactional', whenHeld: 'defer' },
    });
    if (outcome.status !== 'sent') throw new Error(`not sent: ${JSON.stringify(outcome)}`);
    return { idempotencyKey, sid: outcome.providerMessageId };
  }
  const ledgerRow = async (key: string) => (await database.db.select().from(messages).where(eq(messages.idempotencyKey, key)))[0];

  it('marks an undelivered message failed and suppresses a number the carrier does not know (30005)', async () => {
    const { idempotencyKey, sid } = await sent('sms-dead', '+14155550160');

    const response = await deliver(twilio.statusCallback(sid, 'undelivered', 30005));

    expect(response.statusCode).toBe(204);
    expect(await ledgerRow(idempotencyKey)).toMatchObject({ status: 'failed', reason: 'the carrier did not deliver it (carrier error 30005)' });
    expect(await suppressionOf(database.db, workspaceId, 'sms', '+14155550160')).toBe('invalid-number');
  });

  it('keeps a delivered message sent, and does not suppress a phone that was only switched off (30003)', async () => {
    const delivered = await sent('sms-ok', '+14155550161');
    const off = await sent('sms-off', '+14155550162');

    await deliver(twilio.statusCallback(delivered.sid, 'delivered'));
    await deliver(twilio.statusCallback(off.sid, 'undelivered', 30003));

    expect(await ledgerRow(delivered.idempotencyKey)).toMatchObject({ status: 'sent' });
    expect(await ledgerRow(off.idempotencyKey)).toMatchObject({ status: 'failed' });
    expect(await suppressionOf(database.db, workspaceId, 'sms', '+14155550162')).toBeNull();
  });

  it('refuses an unsigned delivery report', async () => {
    const { idempotencyKey, sid } = await sent('sms-forged', '+14155550163');
    const report = twilio.statusCallback(sid, 'undelivered', 30005);
    const response = await deliver(report, { 'x-twilio-signature': 'forged' });
    expect(response.statusCode).toBe(403);
    expect(await ledgerRow(idempotencyKey)).toMatchObject({ status: 'sent' });
  });
});
