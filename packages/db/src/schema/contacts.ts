import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.js';

/** One customer profile, fed by every identify and track call. */
export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    userId: text('user_id'),
    anonymousId: text('anonymous_id'),
    email: text('email'),
    traits: jsonb('traits').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('contacts_workspace_user_id').on(table.workspaceId, table.userId),
    uniqueIndex('contacts_workspace_anonymous_id').on(table.workspaceId, table.anonymousId),
  ],
);
