import { foreignKey, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { workspaces } from './workspaces.js';

/** A named set of contacts, e.g. "vip-customers". Created by its first add-to-list. */
export const lists = pgTable(
  'lists',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    /** The slug journeys name the list by; never renamed (the name may change). */
    id: text('id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/** Who is on which list: the primary key makes adding twice, or removing twice, change nothing. */
export const listMemberships = pgTable(
  'list_memberships',
  {
    workspaceId: text('workspace_id').notNull(),
    listId: text('list_id').notNull(),
    contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.listId, table.contactId] }),
    foreignKey({ name: 'list_memberships_list_fk', columns: [table.workspaceId, table.listId], foreignColumns: [lists.workspaceId, lists.id] }).onDelete('cascade'),
    index('list_memberships_contact').on(table.contactId),
  ],
);
