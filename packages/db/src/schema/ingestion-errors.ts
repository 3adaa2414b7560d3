import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every call Tend refused, with why: a batch's bad items are dropped from the batch (the good ones
 * are stored) and kept here, so the console's event debugger can show what went wrong.
 */
export const ingestionErrors = pgTable(
  'ingestion_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    /** identify, track, page, screen, group, alias, or what the client sent as its type. */
    callType: text('call_type'),
    messageId: text('message_id'),
    /** The offending field, e.g. "batch.3.event"; empty when the whole call was refused. */
    field: text('field').notNull().default(''),
    message: text('message').notNull(),
    /** The call as received, cut to a few KiB. */
    payload: jsonb('payload').$type<unknown>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ingestion_errors_workspace_received').on(table.workspaceId, table.receivedAt)],
);
