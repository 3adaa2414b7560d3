import { createHash, randomUUID } from 'node:crypto';
import { phoneOf, sendOnce, webPushTransport, workspaceVapid, type Delivery, type LedgerEntry } from '@tend/channels';
import { and, contacts, desc, eq, messages, or, pushSubscriptions, workspaces, type Database } from '@tend/db';
import type { NodeSpec } from '@tend/journey';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { MessageSenders } from '../context.js';
import { renderMessage, type MessageRequest, type RenderedMessage } from './message-render.js';

export interface TestSend extends MessageRequest {
  /** An email address, a phone number in international form, or (push) a contact id or user id. */
  to: string;
  journeyId?: string | null;
  nodeId?: string | null;
}

const emailAddress = z.email();

/**
 * Sends one message node's config to `to` through the configured provider of its channel, as a
 * test: rendered like the worker renders it, recorded in the send ledger with `test = true`
 * (key `test/<uuid>`), so the Outbox shows it marked. Returns the ledger key.
 */
export async function sendTestMessage(db: Database, workspaceId: string, senders: MessageSenders, request: TestSend, custom: readonly NodeSpec[] = []): Promise<{ ok: true; messageId: string }> {
  const rendered = await renderMessage(db, workspaceId, request, custom);
  if (!rendered.ok) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `fix the message first: ${rendered.problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message)).join('; ')}` });
  }
  return sendRenderedTest(db, workspaceId, senders, rendered.message, request);
}

/** Where a rendered test goes, and what the ledger row names (a contact picked for the preview, a node, a template). */
export interface TestTarget {
  to: string;
  contactId?: string | null;
  journeyId?: string | null;
  nodeId?: string | null;
  templateId?: string;
}

/** Sends an already rendered message as a test (see sendTestMessage); the template editor's test send uses it directly. */
export async function sendRenderedTest(db: Database, workspaceId: string, senders: MessageSenders, message: RenderedMessage, target: TestTarget): Promise<{ ok: true; messageId: string }> {
  const key = `test/${randomUUID()}`;
  // No contact when rendered from sample traits: the ledger row then names none ('').
  const entry: LedgerEntry = {
    idempotencyKey: key,
    workspaceId,
    contactId: target.contactId ? message.contact.id : '',
    journeyId: target.journeyId ?? null,
    nodeId: target.nodeId ?? null,
    channel: message.channel,
    ...(target.templateId ? { templateId: target.templateId } : {}),
  };
  const { contactId, ...delivery } = await deliveryFor(db, workspaceId, senders, message, target.to.trim(), key);
  if (contactId) entry.contactId = contactId;
  // The row exists, marked test, before the provider is called: no moment shows it as a journey's message.
  await db.insert(messages).values({ ...entry, recipient: delivery.recipient, ...delivery.content, status: 'sending', test: true });
  let outcome;
  try {
    outcome = await sendOnce(db, entry, async () => delivery);
  } catch (error) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: `the ${message.channel} provider did not take the test (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}): check its settings and try again`,
    });
  }
  if (outcome.status !== 'sent') throw new TRPCError({ code: 'BAD_REQUEST', message: `the test was not sent: ${outcome.reason}` });
  return { ok: true, messageId: key };
}

/** The message ready for its provider; `contactId` when the recipient is a contact (push). */
async function deliveryFor(db: Database, workspaceId: string, senders: MessageSenders, message: RenderedMessage, to: string, key: string): Promise<Delivery & { contactId?: string }> {
  if (message.channel === 'email') {
    const transport = senders.email;
    if (!transport) throw notConfigured('No email provider is configured: set SMTP_URL');
    if (!emailAddress.safeParse(to).success) throw badRecipient(`"${to}" is not an email address`);
    const [workspace] = await db.select({ emailFrom: workspaces.emailFrom, emailReplyTo: workspaces.emailReplyTo }).from(workspaces).where(eq(workspaces.id, workspaceId));
    const config = message.config as { from?: string; replyTo?: string };
    const email = { subject: `[Test] ${message.subject ?? ''}`, html: message.html ?? '', text: message.text ?? '' };
    const from = config.from ?? workspace?.emailFrom ?? 'Tend <hello@tend.local>';
    // As the worker sends it: the node's reply-to, else the workspace's.
    const replyTo = config.replyTo ?? workspace?.emailReplyTo;
    const sender = { from, ...(replyTo ? { replyTo } : {}) };
    return { recipient: to, content: { subject: email.subject, html: email.html }, send: () => transport.send({ ...sender, to, messageId: messageIdFor(key), ...email }) };
  }
  if (message.channel === 'sms') {
    const transport = senders.sms;
    if (!transport) throw notConfigured('No SMS provider is configured: set SMS_URL');
    const phone = phoneOf({ phone: to });
    if ('skip' in phone) throw badRecipient(`"${to}" is not a phone number in international form (+ country code and number, e.g. +14155550123)`);
    const body = message.text ?? '';
    if (!body) throw badRecipient('the message is empty for this contact');
    return { recipient: phone.phone, content: { body }, send: () => transport.send({ to: phone.phone, body, idempotencyKey: key }) };
  }
  const [subscription] = await db
    .select({ contactId: contacts.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
    .from(pushSubscriptions)
    .innerJoin(contacts, eq(contacts.id, pushSubscriptions.contactId))
    .where(and(eq(contacts.workspaceId, workspaceId), or(eq(contacts.id, to), eq(contacts.userId, to))))
    .orderBy(desc(pushSubscriptions.createdAt))
    .limit(1);
  if (!subscription) throw badRecipient(`contact "${to}" has no push subscription: allow notifications on the site in a browser as that contact first`);
  // Signed as the workspace, like the worker's pushes: the browser subscribed with its public key.
  const transport = webPushTransport(await workspaceVapid(db, workspaceId), { fetch: senders.fetch });
  const tag = createHash('sha256').update(key).digest('base64url').slice(0, 32);
  const payload = JSON.stringify({ title: message.subject ?? '', body: message.text ?? '', ...(message.url ? { url: message.url } : {}), tag });
  return {
    contactId: subscription.contactId,
    recipient: subscription.endpoint,
    content: { subject: message.subject ?? '', body: message.text ?? '' },
    send: () => transport.send({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, { ttlSeconds: 3600, topic: tag }),
  };
}

/** The same form as the worker's Message-IDs: stable per ledger key. */
function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@tend.local>`;
}

const notConfigured = (message: string) => new TRPCError({ code: 'PRECONDITION_FAILED', message });
const badRecipient = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
