import { createHash } from 'node:crypto';
import { contacts, eq, type Database } from '@tend/db';
import type { SendEmailConfig } from '@tend/journey';
import { sendOnce, type SendOutcome } from '../ledger.js';
import type { TemplateEvent } from '../template.js';
import { renderEmail } from './render.js';
import { addTracking, type Tracking } from './tracking.js';
import type { EmailTransport } from './smtp.js';

export interface SendEmailRequest {
  idempotencyKey: string;
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  from: string;
  config: SendEmailConfig;
  /** The entry event, for {{ event.* }}. */
  entryEvent?: TemplateEvent;
  /** Open and click tracking; absent = none. */
  tracking?: Tracking;
}

export type SendEmailOutcome = SendOutcome;

/**
 * Sends one email at most once per idempotency key (see sendOnce): a retry of a send that
 * already succeeded returns the recorded outcome instead of sending; a provider error is
 * recorded and rethrown so the caller (a Temporal activity) retries.
 */
export async function sendEmailOnce(db: Database, transport: EmailTransport, request: SendEmailRequest): Promise<SendEmailOutcome> {
  const { idempotencyKey, workspaceId, contactId, journeyId, nodeId } = request;
  return sendOnce(db, { idempotencyKey, workspaceId, contactId, journeyId, nodeId, channel: 'email' }, async () => {
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
    if (!contact?.email) return { skip: contact ? 'the contact has no email address' : 'the contact no longer exists' };
    const to = contact.email;
    const rendered = await renderEmail(request.config, contact, request.entryEvent);
    const email = request.tracking ? { ...rendered, html: addTracking(rendered.html, idempotencyKey, request.tracking) } : rendered;
    return {
      recipient: to,
      content: { subject: email.subject, html: rendered.html },
      send: () => transport.send({ from: request.config.from ?? request.from, to, messageId: messageIdFor(idempotencyKey), ...email }),
    };
  });
}

function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@tend.local>`;
}
