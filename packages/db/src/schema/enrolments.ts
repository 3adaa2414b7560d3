import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The routing index: which contacts are in which journey, and which event names each running
 * enrolment must be told about. One indexed query per incoming event finds the runs to signal.
 * Rows stay after a run ends (status), for re-entry and cool-down rules.
 */
export const enrolments = pgTable(
  'enrolments',
  {
    workspaceId: text('workspace_id').notNull(),
    journeyId: text('journey_id').notNull(),
    contactId: text('contact_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    /** First execution run id of the chain of runs (stable across continue-as-new). */
    runKey: text('run_key').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['active', 'completed', 'exited', 'stopped'] }).notNull(),
    listensTo: text('listens_to').array().notNull().default([]),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** The event that entered this run: routing the same event again (after a crash) does not enter twice. */
    entryMessageId: text('entry_message_id'),
    /**
     * The node the run is at now and since when, written by the run as it moves: live "waiting
     * here" counts and the list of contacts at a node are one indexed query, not a query per run.
     */
    currentNode: text('current_node'),
    currentSince: timestamp('current_since', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.journeyId, table.contactId] }),
    index('enrolments_active_by_contact').on(table.workspaceId, table.contactId).where(sql`status = 'active'`),
    index('enrolments_active_by_journey').on(table.workspaceId, table.journeyId).where(sql`status = 'active'`),
    index('enrolments_active_by_node').on(table.workspaceId, table.journeyId, table.currentNode).where(sql`status = 'active'`),
  ],
);

/** Every node a contact passed through, with what happened there: live counts and a contact's trail. */
export const nodeVisits = pgTable(
  'node_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text('workspace_id').notNull(),
    journeyId: text('journey_id').notNull(),
    version: integer('version').notNull(),
    contactId: text('contact_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    /**
     * The workflow execution that recorded the visit. A worker that dies mid-task leaves the task
     * to another, which records its visits again: (workflow, run, node, visit, outcome) is unique,
     * so the second write adds nothing. Null on visits recorded before it was kept.
     */
    runId: text('run_id'),
    nodeId: text('node_id').notNull(),
    visit: integer('visit').notNull(),
    outcome: text('outcome').notNull(),
    /**
     * The output the contact left by (a branch case's id, a split path's id, "timed-out"), so
     * counts survive renaming a case; null for visits recorded before it was kept.
     */
    output: text('output'),
    /** Why: the branch case that matched and on what value, why a send was skipped, who moved the contact. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('node_visits_journey_node').on(table.workspaceId, table.journeyId, table.nodeId),
    index('node_visits_contact').on(table.workspaceId, table.contactId, table.at),
    uniqueIndex('node_visits_once').on(table.workflowId, table.runId, table.nodeId, table.visit, table.outcome),
  ],
);

/** Segment membership as announced by "Segment Entered" / "Segment Exited" events (segments are built later). */
export const segmentMemberships = pgTable(
  'segment_memberships',
  {
    workspaceId: text('workspace_id').notNull(),
    segment: text('segment').notNull(),
    contactId: text('contact_id').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.segment, table.contactId] }), index('segment_memberships_contact').on(table.workspaceId, table.contactId)],
);
