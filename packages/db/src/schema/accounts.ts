import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.js';

/** A company or team contacts belong to (Segment's `group` call): its id and traits. */
export const accounts = pgTable(
  'accounts',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The groupId the client sends. */
    id: text('id').notNull(),
    traits: jsonb('traits').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const accountMemberships = pgTable(
  'account_memberships',
  {
    workspaceId: text('workspace_id').notNull(),
    accountId: text('account_id').notNull(),
    contactId: text('contact_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.accountId, table.contactId] })],
);

/**
 * Segment's `alias`: `previousId` (an anonymous id or an old user id) is the same person as
 * `userId`. Recorded as received, so identity merging (the audience work) can replay them.
 */
export const contactAliases = pgTable(
  'contact_aliases',
  {
    workspaceId: text('workspace_id').notNull(),
    previousId: text('previous_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.previousId, table.userId] })],
);
