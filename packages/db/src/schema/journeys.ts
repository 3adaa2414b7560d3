import type { JourneyGraphInput, JourneyIr } from '@tend/journey';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.js';

export const journeys = pgTable(
  'journeys',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    /** The journey's slug, from its file ("welcome"). */
    id: text('id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'paused', 'archived'] }).notNull().default('active'),
    /** The version new contacts enter; null until first published. */
    liveVersion: integer('live_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/** Append-only: a published version never changes, so contacts in flight keep theirs. */
export const journeyVersions = pgTable(
  'journey_versions',
  {
    workspaceId: text('workspace_id').notNull(),
    journeyId: text('journey_id').notNull(),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    graph: jsonb('graph').$type<JourneyGraphInput>().notNull(),
    ir: jsonb('ir').$type<JourneyIr>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.journeyId, table.version] }),
    uniqueIndex('journey_versions_hash').on(table.workspaceId, table.journeyId, table.hash),
  ],
);

/**
 * The editor's working copy of a journey: saved as the marketer types, never run. `graph` is
 * kept as sent, even when it does not parse, so a hand-edited or older draft opens with its
 * problems listed. `revision` goes up by one on every save: a save names the revision it was
 * based on, and a stale one is refused rather than silently overwriting another tab's work.
 */
export const journeyDrafts = pgTable(
  'journey_drafts',
  {
    workspaceId: text('workspace_id').notNull(),
    journeyId: text('journey_id').notNull(),
    graph: jsonb('graph').$type<unknown>().notNull(),
    revision: integer('revision').notNull(),
    /** The user who saved last (null when saved with an API token). */
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.journeyId] })],
);
