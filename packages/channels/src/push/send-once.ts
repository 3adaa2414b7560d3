import { createHash } from 'node:crypto';
import { asc, contacts, eq, pushSubscriptions, type Database } from '@tend/db';
import type { SendPushConfig } from '@tend/journey';
import { SubscriptionGoneError } from '../errors.js';
import { recordedOutcome, recordSkip, sendOnce, type LedgerEntry } from '../ledger.js';
import { renderText, templateScope, type TemplateEvent } from '../template.js';
import type { PushTransport } from './web-push-transport.js';

export interface SendPushRequest {
  idempotencyKey: string;
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  config: SendPushConfig;
  /** The entry event, for {{ event.* }}. */
  entryEvent?: TemplateEvent;
  /** The moment the message policy judges (caps, quiet hours); default: the clock. */
  now?: Date;
}

/** What the service worker receives, as JSON, in its push event. */
export interface PushPayload {
  title: string;
  body: string;
  url?: string;
  /** Stable per send: showNotification({ tag }) replaces rather than repeats a duplicate. */
  tag: string;
}

export type SendPushOutcome =
  /** `failed`: subscriptions that expired, or whose push service refused the message. */
  | { status: 'sent'; devices: number; failed: number }
  | { status: 'skipped'; reason: string }
  /** The message policy holds the notification (a frequency cap, quiet hours) until `until`. */
  | { status: 'deferred'; until: Date; reason: string };

/** Long enough for a laptop closed over a weekend; a marketing push older than that is noise. */
const ttlSeconds = 3 * 24 * 3600;

/**
 * Pushes one notification to every browser the contact subscribed, each at most once per
 * idempotency key: every subscription has its own ledger row (`<key>/push/<subscription id>`),
 * so a retry after one device's push service failed sends only to the devices still owed. A
 * subscription the push service no longer knows (404/410) is deleted. A contact with no
 * subscription is skipped, and the skip recorded under the key itself. The message policy
 * judges each device's send (suppression is by endpoint); a deferral holds the whole push.
 */
export async function sendPushOnce(db: Database, transport: PushTransport, request: SendPushRequest): Promise<SendPushOutcome> {
  const { idempotencyKey, workspaceId, contactId, journeyId, nodeId } = request;
  const { purpose, topic, whenHeld } = request.config;
  const entry: LedgerEntry = { idempotencyKey, workspaceId, contactId, journeyId, nodeId, channel: 'push', purpose, topic: topic ?? null };
  const policy = { whenHeld, now: request.now };
  const previous = await recordedOutcome(db, idempotencyKey);
  if (previous?.status === 'skipped') return previous;

  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact) return recordSkip(db, entry, 'the contact no longer exists');
  const subscriptions = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.contactId, contactId)).orderBy(asc(pushSubscriptions.createdAt));
  if (subscriptions.length === 0) return recordSkip(db, entry, 'the contact has no push subscription');

  const scope = templateScope(contact, request.entryEvent);
  const [title, body, url] = await Promise.all([
    renderText(request.config.title, scope),
    renderText(request.config.body, scope),
    request.config.url ? renderText(request.config.url, scope) : undefined,
  ]);
  if (!title && !body) return recordSkip(db, entry, 'the notification is empty for this contact');
  const tag = createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32);
  const payload: PushPayload = { title, body, ...(url ? { url } : {}), tag };

  let devices = 0;
  const failures: string[] = [];
  const errors: unknown[] = [];
  // One device's outage must not hold back the others: try each, then let Temporal retry the rest.
  for (const subscription of subscriptions) {
    const target = { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } };
    try {
      const outcome = await sendOnce(db, { ...entry, idempotencyKey: `${idempotencyKey}/push/${subscription.id}` }, async () => ({
        recipient: subscription.endpoint,
        content: { subject: title, body },
        async send() {
          try {
            return await transport.send(target, JSON.stringify(payload), { ttlSeconds, topic: tag });
          } catch (error) {
            if (error instanceof SubscriptionGoneError) await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscription.id));
            throw error;
          }
        },
      }), policy);
      // The policy judges the contact, so every browser is held alike: try them all again then.
      if (outcome.status === 'deferred') return outcome;
      if (outcome.status === 'sent') devices += 1;
      else failures.push(outcome.reason);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) {
    const messages = errors.map((error) => (error instanceof Error ? error.message : String(error)));
    throw new Error(`push failed for ${errors.length} of ${subscriptions.length} subscriptions; retrying those: ${messages.join('; ')}`);
  }
  if (devices === 0) return { status: 'skipped', reason: `no browser of the contact took the notification: ${failures[0]}` };
  return { status: 'sent', devices, failed: failures.length };
}
