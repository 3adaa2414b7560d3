import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { workspaces } from './workspaces.js';

/**
 * Every accepted call (identify, track, page, screen, group, alias), stored before it is routed to journeys.
 * (workspace, message id) is unique, so a client's retry is recognised and not applied twice.
 */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    messageId: text('message_id').notNull(),
    type: text('type', { enum: ['identify', 'track', 'page', 'screen', 'group', 'alias'] }).notNull(),
    name: text('name'),
    contactId: text('contact_id').notNull().references(() => contacts.id),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    /** Segment's context (library, page, device, ip, locale…), the batch's merged under the call's own. */
    context: jsonb('context').$type<Record<string, unknown>>(),
    /** Segment's integrations switches, as the client sent them. */
    integrations: jsonb('integrations').$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Whether this identify created the contact: the "new contact" trigger fires on it. */
    createdContact: boolean('created_contact').notNull().default(false),
    /** Set once the event has been offered to every journey; the routing consumer takes events where it is null. */
    routedAt: timestamp('routed_at', { withTimezone: true }),
    /** Arrival order: a contact's events are routed in this order. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /**
     * Which routing partition the event belongs to, from its contact: one consumer at a time owns a
     * partition, so a contact's events are routed by one process, in order.
     */
    routePartition: smallint('route_partition')
      .notNull()
      .generatedAlwaysAs(sql`hashtext(contact_id) & 31`),
  },
  (table) => [
    uniqueIndex('events_workspace_message_id').on(table.workspaceId, table.messageId),
    index('events_contact_time').on(table.contactId, table.occurredAt),
    index('events_unrouted').on(table.routePartition, table.seq).where(sql`routed_at is null`),
    // The console's event debugger: a workspace's latest calls.
    index('events_workspace_received').on(table.workspaceId, table.receivedAt),
  ],
);
