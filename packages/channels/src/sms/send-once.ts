import { contacts, eq, type Database } from '@tend/db';
import type { SendSmsConfig } from '@tend/journey';
import { suppress } from '../consent/consent-store.js';
import { sendOnce, type SendOutcome } from '../ledger.js';
import { renderText, templateScope, type TemplateEvent } from '../template.js';
import type { SmsTransport } from './http-transport.js';
import { phoneOf } from './phone.js';
import { UnreachableNumberError } from './unreachable-number.js';

export interface SendSmsRequest {
  idempotencyKey: string;
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  config: SendSmsConfig;
  /** The entry event, for {{ event.* }}. */
  entryEvent?: TemplateEvent;
  /** The moment the message policy judges (caps, quiet hours); default: the clock. */
  now?: Date;
}

/**
 * Texts the contact's `phone` trait (in E.164, read with their `country` trait when national) at
 * most once per idempotency key (see sendOnce). A contact with no usable number is skipped, and
 * the skip recorded. A number the provider says is invalid, or that replied STOP to the provider,
 * fails the send and is suppressed, so the policy step stops the next message before it is sent.
 */
export async function sendSmsOnce(db: Database, transport: SmsTransport, request: SendSmsRequest): Promise<SendOutcome> {
  const { idempotencyKey, workspaceId, contactId, journeyId, nodeId } = request;
  const { purpose, topic, whenHeld } = request.config;
  return sendOnce(db, { idempotencyKey, workspaceId, contactId, journeyId, nodeId, channel: 'sms', purpose, topic: topic ?? null }, async () => {
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
    if (!contact) return { skip: 'the contact no longer exists' };
    const recipient = phoneOf(contact.traits);
    if ('skip' in recipient) return recipient;
    const body = await renderText(request.config.body, templateScope(contact, request.entryEvent));
    if (!body) return { skip: 'the message is empty for this contact' };
    return {
      recipient: recipient.phone,
      content: { body },
      async send() {
        try {
          return await transport.send({ to: recipient.phone, body, idempotencyKey, workspaceId });
        } catch (error) {
          if (error instanceof UnreachableNumberError) {
            await suppress(db, {
              workspaceId,
              channel: 'sms',
              address: error.number,
              reason: error.suppression,
              source: 'provider',
              detail: { providerCode: error.providerCode, idempotencyKey },
            });
          }
          throw error;
        }
      },
    };
  }, { whenHeld, now: request.now });
}
