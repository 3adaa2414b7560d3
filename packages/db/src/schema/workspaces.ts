import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A tenant: one shop or brand. Its write key authenticates the ingestion API. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  writeKey: text('write_key').notNull().unique(),
  /** Default sender of this workspace's email, e.g. "Shop <hello@shop.example>". */
  emailFrom: text('email_from').notNull(),
  /** Signs open and click tracking links, so the tracker only counts and redirects what we sent. */
  trackingSecret: text('tracking_secret').notNull().default(sql`md5(random()::text || clock_timestamp()::text)`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
