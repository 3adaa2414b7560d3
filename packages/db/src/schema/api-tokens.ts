import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { roles } from './memberships.js';
import { workspaces } from './workspaces.js';

/** Secrets for the CLI and automation: scoped to one workspace and role, shown once, stored hashed. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  name: text('name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  /** SHA-256 of the token: the token is random and long, so a fast hash is enough. */
  tokenHash: text('token_hash').notNull().unique(),
  /** The token's first characters, to tell tokens apart in the console. */
  prefix: text('prefix').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
