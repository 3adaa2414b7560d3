import { createServer } from 'node:net';
import { contacts, eq, messages, workspaces, type DatabaseHandle } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer.js';
import { sendEmailOnce, type SendEmailRequest } from './send-once.js';
import { smtpTransport, type EmailTransport } from './smtp.js';

/** A loopback port nothing listens on: the provider is down. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('sendEmailOnce', () => {
  let database: DatabaseHandle;
  let smtp: SmtpPeer;
  let transport: EmailTransport;
  const cleanups: (() => unknown)[] = [];
  let keys = 0;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([openTestDatabase(), startSmtpPeer()]);
    transport = smtpTransport(smtp.url);
    await database.db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'wk', emailFrom: 'Shop <hello@shop.example>' });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.close();
  });

  async function contact(values: { id: string; email: string | null; traits?: Record<string, unknown> }) {
    await database.db.insert(contacts).values({ workspaceId: 'ws', userId: values.id, traits: {}, ...values });
    return values.id;
  }

  function request(contactId: string, overrides: Partial<SendEmailRequest> = {}): SendEmailRequest {
    return {
      idempotencyKey: `wf-1:run-1:welcome-email:${++keys}`,
      workspaceId: 'ws',
      contactId,
      journeyId: 'welcome',
      nodeId: 'welcome-email',
      from: 'Shop <hello@shop.example>',
      config: { subject: "Welcome, {{ contact.firstName | default: 'friend' }}!", html: '<p>Hi {{ contact.firstName }},</p>', purpose: 'marketing', whenHeld: 'defer' },
      ...overrides,
    };
  }

  async function ledgerRow(idempotencyKey: string) {
    const [row] = await database.db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
    return row;
  }

  /** Waits a moment so a second message, if one were sent, would have arrived. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

  it('sends once per idempotency key: a retry returns the recorded send and sends nothing', async () => {
    const ada = await contact({ id: 'ada', email: 'ada@example.com', traits: { firstName: 'Ada' } });
    const send = request(ada);
    const before = smtp.received.length;

    const first = await sendEmailOnce(database.db, transport, send);
    const second = await sendEmailOnce(database.db, transport, send);
    await settle();

    expect(first).toMatchObject({ status: 'sent', alreadySent: false });
    expect(second).toEqual({ status: 'sent', alreadySent: true, providerMessageId: first.status === 'sent' ? first.providerMessageId : '' });
    const mail = smtp.received.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ from: { name: 'Shop', address: 'hello@shop.example' }, to: ['ada@example.com'], subject: 'Welcome, Ada!' });
    expect(await ledgerRow(send.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 1, recipient: 'ada@example.com', lastError: null });
  });

  it('sends again under a different idempotency key (a second visit of the node)', async () => {
    const grace = await contact({ id: 'grace', email: 'grace@example.com', traits: { firstName: 'Grace' } });
    const before = smtp.received.length;

    await sendEmailOnce(database.db, transport, request(grace));
    await sendEmailOnce(database.db, transport, request(grace));
    await settle();

    const mail = smtp.received.slice(before);
    expect(mail.map((m) => m.to)).toEqual([['grace@example.com'], ['grace@example.com']]);
    expect(new Set(mail.map((m) => m.messageId)).size).toBe(2);
  });

  it('skips a contact without an email address, says why, and sends nothing', async () => {
    const anonymous = await contact({ id: 'no-email', email: null });
    const send = request(anonymous);
    const before = smtp.received.length;

    const outcome = await sendEmailOnce(database.db, transport, send);
    await settle();

    expect(outcome).toEqual({ status: 'skipped', reason: 'the contact has no email address' });
    expect(smtp.received.length).toBe(before);
    expect(await ledgerRow(send.idempotencyKey)).toMatchObject({ status: 'skipped', reason: 'the contact has no email address' });
    // A retry of a skipped send stays skipped.
    expect(await sendEmailOnce(database.db, transport, send)).toEqual(outcome);
  });

  it('keeps a recorded send when a retry finds the contact without an address now', async () => {
    const lin = await contact({ id: 'lin', email: 'lin@example.com' });
    const send = request(lin);
    const first = await sendEmailOnce(database.db, transport, send);
    await database.db.update(contacts).set({ email: null }).where(eq(contacts.id, lin));

    const retried = await sendEmailOnce(database.db, transport, send);

    expect(retried).toMatchObject({ status: 'sent', alreadySent: true, providerMessageId: first.status === 'sent' ? first.providerMessageId : '' });
    expect(await ledgerRow(send.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 1, recipient: 'lin@example.com' });
  });

  it("sends from the workspace's sender when neither the node nor the caller names one", async () => {
    const sam = await contact({ id: 'sam', email: 'sam@example.com' });
    const { from: _from, ...send } = request(sam);
    expect((await sendEmailOnce(database.db, transport, send)).status).toBe('sent');
    await settle();
    expect(smtp.received.at(-1)).toMatchObject({ from: { name: 'Shop', address: 'hello@shop.example' }, to: ['sam@example.com'] });
  });

  it('skips a contact that no longer exists', async () => {
    expect(await sendEmailOnce(database.db, transport, request('ct_gone'))).toEqual({ status: 'skipped', reason: 'the contact no longer exists' });
  });

  it('records a provider outage and delivers exactly once when the provider is back', async () => {
    const linus = await contact({ id: 'linus', email: 'linus@example.com', traits: { firstName: 'Linus' } });
    const port = await closedPort();
    const downTransport = smtpTransport(`smtp://127.0.0.1:${port}`);
    cleanups.push(() => downTransport.close());
    const send = request(linus);

    await expect(sendEmailOnce(database.db, downTransport, send)).rejects.toThrow();
    const failed = await ledgerRow(send.idempotencyKey);
    expect(failed).toMatchObject({ status: 'sending', attempts: 1, recipient: 'linus@example.com' });
    expect(failed!.lastError).toBeTruthy();

    const provider = await startSmtpPeer(port);
    cleanups.push(() => provider.stop());
    const retried = await sendEmailOnce(database.db, downTransport, send);
    await settle();

    expect(retried).toMatchObject({ status: 'sent', alreadySent: false });
    expect(provider.received).toHaveLength(1);
    expect(provider.received[0]).toMatchObject({ to: ['linus@example.com'], subject: 'Welcome, Linus!' });
    expect(await ledgerRow(send.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('escapes contact data in the HTML part, so a first name cannot inject markup', async () => {
    const mallory = await contact({ id: 'mallory', email: 'mallory@example.com', traits: { firstName: '<b>Ada</b>' } });
    const before = smtp.received.length;

    await sendEmailOnce(database.db, transport, request(mallory));
    await settle();

    const [mail] = smtp.received.slice(before);
    expect(mail!.html).toContain('<p>Hi &lt;b&gt;Ada&lt;/b&gt;,</p>');
    expect(mail!.html).not.toContain('<b>');
    // The subject and text part are plain text, so the name reads as written there.
    expect(mail!.subject).toBe('Welcome, <b>Ada</b>!');
    expect(mail!.text).toContain('Hi <b>Ada</b>,');
  });

  it('uses the node\'s sender over the workspace\'s when it has one', async () => {
    const kim = await contact({ id: 'kim', email: 'kim@example.com' });
    const send = request(kim, { config: { subject: 'Hello', html: '<p>Hello</p>', from: 'Ada at Shop <ada@shop.example>', purpose: 'marketing', whenHeld: 'defer' } });
    const outcome = await sendEmailOnce(database.db, transport, send);
    expect(outcome.status).toBe('sent');
    await settle();
    expect(smtp.received.at(-1)).toMatchObject({ from: { name: 'Ada at Shop', address: 'ada@shop.example' }, to: ['kim@example.com'] });
  });

  it("sets Reply-To to the workspace's reply-to, and to the node's over it", async () => {
    const noor = await contact({ id: 'noor', email: 'noor@example.com' });
    const config = { subject: 'Hello', html: '<p>Hello</p>', purpose: 'marketing', whenHeld: 'defer' } as const;
    const before = smtp.received.length;
    await sendEmailOnce(database.db, transport, request(noor, { config }));
    await database.db.update(workspaces).set({ emailReplyTo: 'Help <help@shop.example>' }).where(eq(workspaces.id, 'ws'));
    cleanups.push(() => database.db.update(workspaces).set({ emailReplyTo: null }).where(eq(workspaces.id, 'ws')));

    await sendEmailOnce(database.db, transport, request(noor, { config }));
    await sendEmailOnce(database.db, transport, request(noor, { config: { ...config, replyTo: '"Orders, Shop" <orders@shop.example>' } }));

    const mail = (await smtp.waitFor(before + 3)).slice(before);
    expect(mail.map((received) => received.headers['reply-to'])).toEqual([undefined, 'Help <help@shop.example>', '"Orders, Shop" <orders@shop.example>']);
  });

  it("sends the next email from the workspace's sender as changed", async () => {
    const ola = await contact({ id: 'ola', email: 'ola@example.com' });
    const { from: _from, ...send } = request(ola);
    const before = smtp.received.length;
    await sendEmailOnce(database.db, transport, send);
    await database.db.update(workspaces).set({ emailFrom: 'Shop News <news@shop.example>' }).where(eq(workspaces.id, 'ws'));
    cleanups.push(() => database.db.update(workspaces).set({ emailFrom: 'Shop <hello@shop.example>' }).where(eq(workspaces.id, 'ws')));

    await sendEmailOnce(database.db, transport, { ...send, idempotencyKey: `${send.idempotencyKey}:again` });

    const mail = (await smtp.waitFor(before + 2)).slice(before);
    expect(mail.map((received) => received.from.address)).toEqual(['hello@shop.example', 'news@shop.example']);
  });

  // Temporal starts a retry once an attempt passes its 2-minute startToCloseTimeout, while a
  // stalled SMTP send of that attempt can still complete: two attempts then run at once.
  it('delivers one email when two attempts of the same send run at once', async () => {
    const ren = await contact({ id: 'ren', email: 'ren@example.com' });
    const send = request(ren);
    const before = smtp.received.length;

    await Promise.allSettled([sendEmailOnce(database.db, transport, send), sendEmailOnce(database.db, transport, send)]);
    await settle();

    expect(smtp.received.slice(before)).toHaveLength(1);
  });
});
