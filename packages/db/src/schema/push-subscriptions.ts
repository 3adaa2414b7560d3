import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * A browser's web-push subscription (the PushSubscription a service worker hands over). A contact
 * has one per browser they allowed; the push service's 404/410 for one deletes it.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    /** The push service URL of this subscription; a capability, so never log it whole. */
    endpoint: text('endpoint').notNull().unique(),
    /** The browser's P-256 public key (base64url), which the payload is encrypted to. */
    p256dh: text('p256dh').notNull(),
    /** The browser's 16-byte authentication secret (base64url). */
    auth: text('auth').notNull(),
    /** The browser that subscribed, as its User-Agent said: tells a contact's devices apart. */
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('push_subscriptions_contact').on(table.contactId)],
);
