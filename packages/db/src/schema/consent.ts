import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A workspace's subscription topics (newsletter, offers, product news): what a marketing message is about. */
export const subscriptionTopics = pgTable(
  'subscription_topics',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/**
 * A contact's subscription state per channel and topic (topic '' = every marketing message of the
 * channel). No row: the workspace's default applies. Every change is also in `consent_changes`.
 */
export const consents = pgTable(
  'consents',
  {
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id').notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'push'] }).notNull(),
    topic: text('topic').notNull().default(''),
    status: text('status', { enum: ['subscribed', 'unsubscribed'] }).notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.contactId, table.channel, table.topic] })],
);

/**
 * Every change of a contact's subscription state, with its source (form, one-click link,
 * preference page, import, api, sms keyword, bounce, complaint) and time: the consent audit.
 */
export const consentChanges = pgTable(
  'consent_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id').notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'push'] }).notNull(),
    topic: text('topic').notNull().default(''),
    status: text('status', { enum: ['subscribed', 'unsubscribed'] }).notNull(),
    source: text('source').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('consent_changes_contact').on(table.workspaceId, table.contactId, table.at)],
);

/**
 * Addresses nothing is sent to on a channel: hard bounces, complaints, invalid numbers, and
 * global unsubscribes. By address (an email, an E.164 number), so a re-created contact stays
 * suppressed.
 */
export const suppressions = pgTable(
  'suppressions',
  {
    workspaceId: text('workspace_id').notNull(),
    channel: text('channel', { enum: ['email', 'sms', 'push'] }).notNull(),
    address: text('address').notNull(),
    reason: text('reason', { enum: ['hard-bounce', 'complaint', 'invalid-number', 'unsubscribed'] }).notNull(),
    source: text('source').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.channel, table.address] })],
);

/** A workspace's message policy: frequency caps per channel, quiet hours, sender identity. */
export const messagePolicies = pgTable('message_policies', {
  workspaceId: text('workspace_id').primaryKey(),
  policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
