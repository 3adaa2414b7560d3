import { createHash } from 'node:crypto';
import { contacts, eq, workspaces, type Database } from '@tend/db';
import type { SendEmailConfig } from '@tend/journey';
import { sendOnce, type LedgerEntry, type SendOutcome } from '../ledger.js';
import type { TemplateEvent } from '../template.js';
import { liveLibrary, unavailableReason } from '../templates/live-library.js';
import { renderEmail } from './render.js';
import { addTracking, type Tracking } from './tracking.js';
import { listUnsubscribeHeaders, unsubscribeLinks, unsubscribeToken } from './unsubscribe-token.js';
import type { EmailTransport } from './smtp.js';

export interface SendEmailRequest {
  idempotencyKey: string;
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  /** The sender when the node's config names none; default: the workspace's sender, else Tend's. */
  from?: string;
  config: SendEmailConfig;
  /** The entry event, for {{ event.* }}. */
  entryEvent?: TemplateEvent;
  /** The moment the message policy judges (caps, quiet hours); default: the clock. */
  now?: Date;
  /** Open and click tracking; absent = none. */
  tracking?: Tracking;
  /**
   * Open and click tracking with links to this address (the server's public one), signed with
   * the workspace's own secret, read with the contact; ignored when `tracking` is given.
   */
  trackingBaseUrl?: string;
}

export type SendEmailOutcome = SendOutcome;

/**
 * Sends one email at most once per idempotency key (see sendOnce): a retry of a send that
 * already succeeded returns the recorded outcome instead of sending; a provider error is
 * recorded and rethrown so the caller (a Temporal activity) retries.
 */
export async function sendEmailOnce(db: Database, transport: EmailTransport, request: SendEmailRequest): Promise<SendEmailOutcome> {
  const { idempotencyKey, workspaceId, contactId, journeyId, nodeId } = request;
  const { purpose, topic, whenHeld, template: templateId } = request.config;
  const entry: LedgerEntry = { idempotencyKey, workspaceId, contactId, journeyId, nodeId, channel: 'email', purpose, topic: topic ?? null };
  // A library template: its live version (and the live layouts and partials) in one query; the
  // ledger row records which version this email was rendered from.
  const library = templateId ? await liveLibrary(db, workspaceId, { id: templateId }) : undefined;
  if (templateId) {
    const template = library?.items.get(templateId);
    entry.templateId = templateId;
    if (template?.kind !== 'template') {
      // Publish refuses a journey naming a template that cannot send, but one can be archived later.
      const reason = (await unavailableReason(db, workspaceId, templateId)) ?? `there is no email template "${templateId}"`;
      return sendOnce(db, entry, async () => ({ skip: reason }), { whenHeld, now: request.now });
    }
    entry.templateVersion = template.version;
  }
  return sendOnce(db, entry, async () => {
    // The contact and its workspace's sender settings in one round trip.
    const [found] = await db
      .select({ contact: contacts, emailFrom: workspaces.emailFrom, emailReplyTo: workspaces.emailReplyTo, trackingSecret: workspaces.trackingSecret })
      .from(contacts)
      .leftJoin(workspaces, eq(workspaces.id, workspaceId))
      .where(eq(contacts.id, contactId));
    if (!found?.contact.email) return { skip: found ? 'the contact has no email address' : 'the contact no longer exists' };
    const { contact } = found;
    const to = found.contact.email;
    const from = request.config.from ?? request.from ?? found.emailFrom ?? defaultSender;
    // The node's reply-to, else the workspace's; with neither, replies go to the sender.
    const replyTo = request.config.replyTo ?? found.emailReplyTo;
    const baseUrl = request.tracking?.baseUrl ?? request.trackingBaseUrl;
    const tracking = request.tracking ?? (baseUrl && found.trackingSecret ? { baseUrl, secret: found.trackingSecret } : undefined);
    // Journeys published before purposes existed have none: they are marketing.
    const marketing = purpose !== 'transactional';
    const links =
      baseUrl && found.trackingSecret
        ? unsubscribeLinks(baseUrl, unsubscribeToken({ workspaceId, contactId, topic: topic ?? '', idempotencyKey }, found.trackingSecret))
        : undefined;
    const rendered = await renderEmail(request.config, contact, request.entryEvent, links, library);
    const email = tracking ? { ...rendered, html: addTracking(rendered.html, idempotencyKey, tracking) } : rendered;
    const headers = marketing && links ? listUnsubscribeHeaders(links) : undefined;
    return {
      recipient: to,
      content: { subject: email.subject, html: rendered.html },
      send: () => transport.send({ from, ...(replyTo ? { replyTo } : {}), to, messageId: messageIdFor(idempotencyKey), ...email, ...(headers ? { headers } : {}) }),
    };
  }, { whenHeld, now: request.now });
}

const defaultSender = 'Tend <hello@tend.local>';

function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@tend.local>`;
}
