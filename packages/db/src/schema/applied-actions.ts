import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Actions whose whole effect is a database change (update profile): the row is written in the
 * same transaction as the change, so a retried activity finds it and changes nothing. What the
 * action did is kept, to show on the contact's page.
 */
export const appliedActions = pgTable('applied_actions', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  contactId: text('contact_id').notNull(),
  journeyId: text('journey_id'),
  nodeId: text('node_id'),
  type: text('type').notNull(),
  effect: jsonb('effect').$type<Record<string, unknown>>().notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
