import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.js';

/**
 * One bulk import of a file into a workspace, and how far it got. A file is recognised by its
 * fingerprint, so running the same file again resumes an interrupted import (from `lines_done`)
 * instead of starting over, and re-runs a finished one harmlessly (its writes are idempotent).
 */
export const imports = pgTable(
  'imports',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    /** What was imported and so how it was read, e.g. "online-retail", "contacts-csv". */
    kind: text('kind').notNull(),
    /** The file's name as the user gave it, for people to read. */
    source: text('source').notNull(),
    /** The file's size and a hash of its first 64 KiB: what "the same file" means. */
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    /** Every line up to this one belongs to rows already committed: a resume skips them. */
    linesDone: integer('lines_done').notNull().default(0),
    /** The summary of the last run (counts, first problems), as the importer reports it. */
    totals: jsonb('totals').$type<Record<string, unknown>>().notNull().default({}),
    /** Why the last run failed, when it did. */
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('imports_workspace_kind_fingerprint').on(table.workspaceId, table.kind, table.fingerprint)],
);
