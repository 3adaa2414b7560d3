import { contacts, workspaces, type DatabaseHandle } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import type { SendEmailConfig } from '@tend/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppress } from '../consent/consent-store.js';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer.js';
import { sendEmailOnce, type SendEmailRequest } from './send-once.js';
import { smtpTransport, type EmailTransport } from './smtp.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

const baseUrl = 'https://tend.example';
const secret = 'shop-tracking-secret';

describe('unsubscribe links in sent email', () => {
  let database: DatabaseHandle;
  let smtp: SmtpPeer;
  let transport: EmailTransport;
  let keys = 0;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([openTestDatabase(), startSmtpPeer()]);
    transport = smtpTransport(smtp.url);
    await database.db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'wk', emailFrom: 'Shop <hello@shop.example>', trackingSecret: secret });
    await database.db.insert(contacts).values([
      { id: 'ada', workspaceId: 'ws', userId: 'ada', email: 'ada@example.com', traits: {} },
      { id: 'bob', workspaceId: 'ws', userId: 'bob', email: 'Bob@Example.com', traits: {} },
    ]);
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.close();
  });

  async function send(contactId: string, config: Partial<SendEmailConfig>) {
    const request: SendEmailRequest = {
      idempotencyKey: `wf:run:mail:${++keys}`,
      workspaceId: 'ws',
      contactId,
      journeyId: 'j',
      nodeId: 'mail',
      config: { subject: 'News', html: '<p>Hello</p>', ...config } as SendEmailConfig,
      trackingBaseUrl: baseUrl,
    };
    const before = smtp.received.length;
    const outcome = await sendEmailOnce(database.db, transport, request);
    return { outcome, mail: outcome.status === 'sent' ? (await smtp.waitFor(before + 1))[before] : undefined, key: request.idempotencyKey };
  }

  it('gives a marketing email the one-click headers (RFC 8058), naming the contact and the topic', async () => {
    const { mail, key } = await send('ada', { purpose: 'marketing', topic: 'offers' });
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(https:\/\/tend\.example\/u\/([^>]+))>$/.exec(mail!.headers['list-unsubscribe'] ?? '');
    expect(url).not.toBeNull();
    expect(verifyUnsubscribeToken(url![2]!, secret)).toEqual({ workspaceId: 'ws', contactId: 'ada', topic: 'offers', idempotencyKey: key });
  });

  it('treats a node without a purpose (published before purposes) as marketing', async () => {
    const { mail } = await send('ada', {});
    expect(mail!.headers['list-unsubscribe']).toMatch(/^<https:\/\/tend\.example\/u\//);
  });

  it('gives a transactional email no unsubscribe headers, but its template still reads the preference link', async () => {
    const { mail } = await send('ada', { purpose: 'transactional', html: '<p>Your order. <a href="{{ preferences_url }}">Email preferences</a></p>' });
    expect(mail!.headers['list-unsubscribe']).toBeUndefined();
    expect(mail!.headers['list-unsubscribe-post']).toBeUndefined();
    expect(mail!.html).toMatch(/href="https:\/\/tend\.example\/u\/[^"]+\/preferences"/);
  });

  it('fills in {{ unsubscribe_url }} in the HTML and text parts, untracked', async () => {
    const { mail } = await send('ada', { html: '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>', text: 'Unsubscribe: {{ unsubscribe_url }}' });
    const header = /^<([^>]+)>$/.exec(mail!.headers['list-unsubscribe']!)![1]!;
    expect(mail!.html).toContain(`href="${header}"`);
    expect(mail!.text).toContain(`Unsubscribe: ${header}`);
  });

  it('skips a suppressed address (whatever its case) and says why, through the policy step', async () => {
    await suppress(database.db, { workspaceId: 'ws', channel: 'email', address: 'bob@example.com', reason: 'hard-bounce', source: 'test' });
    const marketing = await send('bob', {});
    const transactional = await send('bob', { purpose: 'transactional' });
    expect(marketing.outcome).toEqual({ status: 'skipped', reason: 'the email address is suppressed (hard bounce)' });
    expect(transactional.outcome).toEqual({ status: 'skipped', reason: 'the email address is suppressed (hard bounce)' });
    expect(smtp.received.filter((mail) => mail.to.includes('Bob@Example.com'))).toHaveLength(0);
  });
});
