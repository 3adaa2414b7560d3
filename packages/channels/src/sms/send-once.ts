import { contacts, eq, type Database } from '@tend/db';
import type { SendSmsConfig } from '@tend/journey';
import { sendOnce, type SendOutcome } from '../ledger.js';
import { renderText, templateScope, type TemplateEvent } from '../template.js';
import type { SmsTransport } from './http-transport.js';
import { phoneOf } from './phone.js';

export interface SendSmsRequest {
  idempotencyKey: string;
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  config: SendSmsConfig;
  /** The entry event, for {{ event.* }}. */
  entryEvent?: TemplateEvent;
}

/**
 * Texts the contact's `phone` trait at most once per idempotency key (see sendOnce). A contact
 * with no usable number is skipped, and the skip recorded.
 */
export async function sendSmsOnce(db: Database, transport: SmsTransport, request: SendSmsRequest): Promise<SendOutcome> {
  const { idempotencyKey, workspaceId, contactId, journeyId, nodeId } = request;
  return sendOnce(db, { idempotencyKey, workspaceId, contactId, journeyId, nodeId, channel: 'sms' }, async () => {
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
    if (!contact) return { skip: 'the contact no longer exists' };
    const recipient = phoneOf(contact.traits);
    if ('skip' in recipient) return recipient;
    const body = await renderText(request.config.body, templateScope(contact, request.entryEvent));
    if (!body) return { skip: 'the message is empty for this contact' };
    return {
      recipient: recipient.phone,
      content: { body },
      send: () => transport.send({ to: recipient.phone, body, idempotencyKey }),
    };
  });
}
