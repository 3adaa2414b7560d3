import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The send ledger of every channel (email, SMS, web push): one row per message Tend means to
 * send, keyed by an idempotency key derived from (workflow id, run id, node id, visit). A
 * retried activity finds its row and does not send twice.
 */
export const messages = pgTable(
  'messages',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id').notNull(),
    journeyId: text('journey_id'),
    nodeId: text('node_id'),
    channel: text('channel', { enum: ['email', 'sms', 'push'] }).notNull(),
    recipient: text('recipient').notNull(),
    /** Email subject; a push notification's title. */
    subject: text('subject'),
    html: text('html'),
    /** Plain-text content: an SMS, or a push notification's body. */
    body: text('body'),
    /** `failed`: the provider refused this message for good (a bad number), so it is not retried. */
    status: text('status', { enum: ['sending', 'sent', 'skipped', 'failed', 'deferred'] }).notNull(),
    /** While deferred by the message policy (a frequency cap, quiet hours): when it is tried again. */
    deferredUntil: timestamp('deferred_until', { withTimezone: true }),
    /** marketing (needs consent for its topic, obeys caps and quiet hours) or transactional. */
    purpose: text('purpose', { enum: ['marketing', 'transactional'] }),
    /** The subscription topic of a marketing message. */
    topic: text('topic'),
    /** Why a message was skipped or failed (e.g. the contact has no email address). */
    reason: text('reason'),
    attempts: integer('attempts').notNull().default(0),
    /** While set and in the future, one attempt holds this send; a concurrent retry backs off. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Engagement, set by the tracking endpoints; branch conditions read them. */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    /** A test send from the editor ("Send test"): shown marked in the Outbox, never counted as the journey's. */
    test: boolean('test').notNull().default(false),
    /** The sending journey's priority (higher goes first when journeys compete under a cap). */
    priority: integer('priority'),
    /** The library template and the version of it this email was rendered from. */
    templateId: text('template_id'),
    templateVersion: integer('template_version'),
  },
  (table) => [
    index('messages_workspace_created').on(table.workspaceId, table.createdAt),
    // Frequency caps count a contact's recent sends on a channel.
    index('messages_contact_channel_sent').on(table.contactId, table.channel, table.sentAt),
    // Delivery webhooks (bounces, SMS status) find the message by the provider's id.
    index('messages_provider_message_id').on(table.providerMessageId),
    // The Outbox's backlog: messages not sent yet, a few among every message ever sent.
    index('messages_waiting').on(table.workspaceId, table.channel).where(sql`status in ('sending', 'deferred')`),
  ],
);

/** Mail received by the dev mail catcher (npm start without SMTP_URL), shown on the Outbox page. */
export const devMailbox = pgTable('dev_mailbox', {
  id: text('id').primaryKey(),
  messageId: text('message_id'),
  from: text('from').notNull(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text'),
  html: text('html'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
