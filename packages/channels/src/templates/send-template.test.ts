import { contacts, eq, messages, workspaces, type DatabaseHandle } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import type { SendEmailConfig } from '@tend/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEmailOnce, type SendEmailRequest } from '../email/send-once.js';
import { smtpTransport, type EmailTransport } from '../email/smtp.js';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer.js';
import { publishTemplate } from './publish-template.js';
import { createStarterLibrary } from './starter-library.js';
import { archiveTemplate, createTemplate, getTemplate, saveTemplateDraft } from './template-store.js';

describe('sendEmailOnce with a library template', () => {
  let database: DatabaseHandle;
  let smtp: SmtpPeer;
  let transport: EmailTransport;
  let keys = 0;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([openTestDatabase(), startSmtpPeer()]);
    transport = smtpTransport(smtp.url);
    await database.db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'wk', emailFrom: 'Shop <hello@shop.example>' });
    await database.db.insert(contacts).values({ id: 'ada', workspaceId: 'ws', userId: 'ada', email: 'ada@example.com', traits: { firstName: 'Ada' } });
    await createStarterLibrary(database.db, { id: 'ws', name: 'Shop' }, null);
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.close();
  });

  const config = (overrides: Partial<SendEmailConfig> = {}): SendEmailConfig => ({ template: 'welcome', subject: '', html: '', purpose: 'marketing', whenHeld: 'defer', ...overrides });
  const request = (overrides: Partial<SendEmailConfig> = {}): SendEmailRequest => ({
    idempotencyKey: `wf:run:mail:${++keys}`,
    workspaceId: 'ws',
    contactId: 'ada',
    journeyId: 'onboarding',
    nodeId: 'mail',
    config: config(overrides),
    entryEvent: { name: 'Signed Up', properties: {} },
    trackingBaseUrl: 'https://tend.example',
  });
  const ledgerRow = async (key: string) => (await database.db.select().from(messages).where(eq(messages.idempotencyKey, key)))[0];
  const lastMail = () => smtp.received.at(-1)!;

  it("sends the template's live version rendered with MJML, the footer's links and a text part, and records the version", async () => {
    const send = request();
    expect(await sendEmailOnce(database.db, transport, send)).toMatchObject({ status: 'sent' });
    const mail = lastMail();
    expect(mail.subject).toBe('Welcome, Ada!');
    expect(mail.html).toContain('@media only screen');
    expect(mail.html).toMatch(/href="https:\/\/tend\.example\/u\/[^"]+"[^>]*>Unsubscribe</);
    expect(mail.text).toContain('Welcome, Ada!');
    expect(mail.text).toMatch(/Unsubscribe\s+\[https:\/\/tend\.example\/u\//);
    expect(await ledgerRow(send.idempotencyKey)).toMatchObject({ status: 'sent', templateId: 'welcome', templateVersion: 1 });
  });

  it('sends the new live version once it is published, and lets the node override the subject', async () => {
    const welcome = await getTemplate(database.db, 'ws', 'welcome');
    const saved = await saveTemplateDraft(database.db, { workspaceId: 'ws', id: 'welcome', draft: { ...welcome.draft, subject: 'Hello again, {{ contact.firstName }}' }, revision: welcome.revision, userId: null });
    await publishTemplate(database.db, { workspaceId: 'ws', id: 'welcome', revision: saved.revision, userId: null });

    const send = request();
    await sendEmailOnce(database.db, transport, send);
    expect(lastMail().subject).toBe('Hello again, Ada');
    expect(await ledgerRow(send.idempotencyKey)).toMatchObject({ templateVersion: 2 });

    await sendEmailOnce(database.db, transport, request({ subject: 'Just for {{ contact.firstName }}' }));
    expect(lastMail().subject).toBe('Just for Ada');
    expect(lastMail().html).toContain('Welcome, Ada!');
  });

  it('skips, saying why, when the template has no live version or is archived', async () => {
    await createTemplate(database.db, { workspaceId: 'ws', id: 'draft-only', kind: 'template', name: 'Draft', userId: null });
    const unpublished = request({ template: 'draft-only' });
    expect(await sendEmailOnce(database.db, transport, unpublished)).toEqual({ status: 'skipped', reason: 'the email template "draft-only" has no published version' });
    expect(await ledgerRow(unpublished.idempotencyKey)).toMatchObject({ status: 'skipped', templateId: 'draft-only', templateVersion: null });

    await archiveTemplate(database.db, 'ws', 'draft-only');
    expect(await sendEmailOnce(database.db, transport, request({ template: 'draft-only' }))).toEqual({ status: 'skipped', reason: 'the email template "draft-only" is archived' });
    expect(await sendEmailOnce(database.db, transport, request({ template: 'nothing' }))).toEqual({ status: 'skipped', reason: 'there is no email template "nothing"' });
  });
});
