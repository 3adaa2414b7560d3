import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A tenant: one shop or brand. Its write key authenticates the ingestion API. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  writeKey: text('write_key').notNull().unique(),
  /** Default sender of this workspace's email, e.g. "Shop <hello@shop.example>". */
  emailFrom: text('email_from').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
