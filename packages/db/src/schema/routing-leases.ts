import { pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Which routing consumer owns which partition of the events, until when. A consumer renews its
 * leases as it works; a crashed one's leases run out and the others take its partitions over.
 * One row per partition (0–31, made by the migration).
 */
export const routingLeases = pgTable('routing_leases', {
  partition: smallint('partition').primaryKey(),
  owner: text('owner'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The routing consumers alive now: each takes its fair share of the partitions. */
export const routingConsumers = pgTable('routing_consumers', {
  id: text('id').primaryKey(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
});
