import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A tenant: one shop or brand. Its write key authenticates the ingestion API. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  writeKey: text('write_key').notNull().unique(),
  /** After a rotation the old key keeps working until this grace period ends, so clients can move over. */
  previousWriteKey: text('previous_write_key'),
  previousWriteKeyExpiresAt: timestamp('previous_write_key_expires_at', { withTimezone: true }),
  /** Default sender of this workspace's email, e.g. "Shop <hello@shop.example>". */
  emailFrom: text('email_from').notNull(),
  /** Where replies to the workspace's email go, when not to the sender, e.g. "Support <help@shop.example>". */
  emailReplyTo: text('email_reply_to'),
  /**
   * Signs open and click tracking links, so the tracker only counts and redirects what we sent.
   * The default draws 244 bits from Postgres's strong random source (gen_random_uuid); the server
   * passes its own from crypto.randomBytes when it creates a workspace.
   */
  trackingSecret: text('tracking_secret')
    .notNull()
    .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
  /**
   * The workspace's VAPID identity for web push (a P-256 key pair, base64url): generated when the
   * server first starts with the workspace, and kept, since every browser subscription is bound
   * to the public key.
   */
  vapidPublicKey: text('vapid_public_key'),
  vapidPrivateKey: text('vapid_private_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
