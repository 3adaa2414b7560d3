import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every change made through the console or the API: who, what, when. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    /** "user:<id>", "token:<id>" or "system". */
    actor: text('actor').notNull(),
    /** The actor as a person reads it: an email, a token's name. */
    actorLabel: text('actor_label').notNull(),
    /** What was done, e.g. "journey.publish", "member.role", "token.create". */
    action: text('action').notNull(),
    /** What it was done to, e.g. a journey id or an email. */
    target: text('target').notNull().default(''),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_log_workspace_at').on(table.workspaceId, table.at)],
);
