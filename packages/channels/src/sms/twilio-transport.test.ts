import { eq, messages } from '@tend/db';
import { insertContact, testWorkspaceId } from '@tend/db/testing';
import { describe, expect, it } from 'vitest';
import { suppressionOf } from '../consent/consent-store.js';
import { withDatabaseAndPeer } from '../testing/database-and-peer.js';
import { startTwilioPeer } from '../testing/twilio-peer.js';
import { sendSmsOnce } from './send-once.js';
import { twilioSmsTransport, type TwilioSettings } from './twilio-transport.js';

describe('SMS through Twilio (against a peer speaking its Messages API)', () => {
  const env = withDatabaseAndPeer(startTwilioPeer);

  const sender = '+14155550100';
  const transport = (settings: Partial<TwilioSettings> = {}) =>
    twilioSmsTransport({ accountSid: env.peer.accountSid, authToken: env.peer.authToken, from: sender, baseUrl: env.peer.url, ...settings });
  // Transactional: consent is the policy's business, tested there; this is about the provider.
  const config = { body: 'Hi {{ contact.firstName }}, your order shipped', purpose: 'transactional', whenHeld: 'defer' } as const;

  let visits = 0;
  /** One visit of a contact to the journey's SMS step. */
  async function visitOf(traits: Record<string, unknown>) {
    visits += 1;
    const contactId = await insertContact(env.db, { id: `twilio-${visits}`, traits });
    return { idempotencyKey: `wf-${visits}/run/sms/1`, workspaceId: testWorkspaceId, contactId, journeyId: 'j', nodeId: 'sms', config };
  }
  async function ledgerRow(idempotencyKey: string) {
    const [row] = await env.db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
    return row;
  }

  it('posts the form Twilio expects, with Basic auth and the ledger key as idempotency token, and keeps the sid', async () => {
    const request = await visitOf({ firstName: 'Ada', phone: '07700 900123', country: 'GB' });
    const sms = transport({ statusCallbackUrl: (workspaceId) => `https://tend.example/webhooks/sms/${workspaceId}/status` });

    const outcome = await sendSmsOnce(env.db, sms, request);

    const message = env.peer.messages.at(-1)!;
    expect(message).toMatchObject({
      to: '+447700900123',
      from: sender,
      body: 'Hi Ada, your order shipped',
      idempotencyToken: request.idempotencyKey,
      statusCallback: `https://tend.example/webhooks/sms/${testWorkspaceId}/status`,
    });
    expect(outcome).toEqual({ status: 'sent', providerMessageId: message.sid, alreadySent: false });
    expect(await ledgerRow(request.idempotencyKey)).toMatchObject({ status: 'sent', recipient: '+447700900123', providerMessageId: message.sid });
  });

  it('sends from a Messaging Service when one is configured', async () => {
    const request = await visitOf({ firstName: 'Kim', phone: '+14155550123' });
    await sendSmsOnce(env.db, transport({ from: undefined, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' }), request);
    expect(env.peer.messages.at(-1)).toMatchObject({ to: '+14155550123', from: undefined, messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' });
  });

  it('retries through an outage (503 twice) and delivers exactly once', async () => {
    const request = await visitOf({ firstName: 'Linus', phone: '+4915112345678' });
    const [before, attemptsBefore] = [env.peer.messages.length, env.peer.attempts];
    env.peer.failNext(2, 503);

    // Each throw is one activity attempt Temporal retries.
    await expect(sendSmsOnce(env.db, transport(), request)).rejects.toThrow('Twilio answered HTTP 503');
    await expect(sendSmsOnce(env.db, transport(), request)).rejects.toThrow('Twilio answered HTTP 503');
    expect(await ledgerRow(request.idempotencyKey)).toMatchObject({ status: 'sending', attempts: 2, lastError: expect.stringContaining('HTTP 503') });
    expect(await sendSmsOnce(env.db, transport(), request)).toMatchObject({ status: 'sent' });
    expect(await sendSmsOnce(env.db, transport(), request)).toMatchObject({ status: 'sent', alreadySent: true });

    expect(env.peer.attempts - attemptsBefore).toBe(3);
    expect(env.peer.messages.slice(before)).toHaveLength(1);
    expect(await ledgerRow(request.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('throws on a rate limit (429) so the send is retried, not dropped', async () => {
    const request = await visitOf({ phone: '+33612345678' });
    env.peer.failNext(1, 429);
    await expect(sendSmsOnce(env.db, transport(), request)).rejects.toThrow('HTTP 429');
    expect(await sendSmsOnce(env.db, transport(), request)).toMatchObject({ status: 'sent' });
  });

  it('lets Twilio drop a repeat it already accepted (a crash before the ledger recorded the send)', async () => {
    const request = await visitOf({ phone: '+14155550177' });
    const before = env.peer.messages.length;
    const sms = transport();
    const first = await sms.send({ to: '+14155550177', body: 'once', idempotencyKey: request.idempotencyKey });
    const again = await sms.send({ to: '+14155550177', body: 'once', idempotencyKey: request.idempotencyKey });
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(env.peer.messages.length).toBe(before + 1);
  });

  it('fails an invalid number for good and suppresses it (21211)', async () => {
    const request = await visitOf({ phone: '+15005550001' });
    env.peer.refuse('+15005550001', 21211, "The 'To' number +15005550001 is not a valid phone number.");
    const attemptsBefore = env.peer.attempts;

    const outcome = await sendSmsOnce(env.db, transport(), request);
    expect(outcome).toEqual({ status: 'failed', reason: expect.stringContaining('is not a valid phone number (Twilio 21211') });
    expect(await sendSmsOnce(env.db, transport(), request)).toMatchObject({ status: 'failed' });

    expect(env.peer.attempts - attemptsBefore).toBe(1);
    expect(await suppressionOf(env.db, testWorkspaceId, 'sms', '+15005550001')).toBe('invalid-number');
  });

  it('suppresses a number that replied STOP to Twilio as unsubscribed (21610)', async () => {
    const request = await visitOf({ phone: '+15005550004' });
    env.peer.refuse('+15005550004', 21610, 'Attempt to send to unsubscribed recipient');

    expect(await sendSmsOnce(env.db, transport(), request)).toEqual({ status: 'failed', reason: expect.stringContaining('replied STOP') });
    expect(await suppressionOf(env.db, testWorkspaceId, 'sms', '+15005550004')).toBe('unsubscribed');
  });

  it('fails a message Twilio refuses for another reason without suppressing the number', async () => {
    const request = await visitOf({ phone: '+15005550009' });
    env.peer.refuse('+15005550009', 21408, 'Permission to send an SMS has not been enabled for the region');

    expect(await sendSmsOnce(env.db, transport(), request)).toEqual({ status: 'failed', reason: expect.stringContaining('Twilio refused the message (error 21408') });
    expect(await suppressionOf(env.db, testWorkspaceId, 'sms', '+15005550009')).toBeNull();
  });

  it('retries on wrong credentials (keys being rotated) instead of failing the message', async () => {
    const request = await visitOf({ phone: '+14155550188' });
    await expect(sendSmsOnce(env.db, transport({ authToken: 'rotated-away' }), request)).rejects.toThrow('Twilio answered HTTP 401');
    expect(await ledgerRow(request.idempotencyKey)).toMatchObject({ status: 'sending' });
  });

  it('refuses to start without a sender', () => {
    expect(() => twilioSmsTransport({ accountSid: env.peer.accountSid, authToken: env.peer.authToken })).toThrow('TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID');
  });
});
