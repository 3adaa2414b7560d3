import { and, contacts, desc, eq, events, ingestionErrors, sql } from '@tend/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { eventNames, eventProperties } from '../../editor/pickers.js';
import { workspaceProcedure } from '../trpc.js';

/** JSON longer than this (in characters) is answered as the start of its text, so a poll stays small. */
export const debuggerJsonLimit = 4096;

/**
 * Where a call sits in the debugger's order: received time, newest first, then accepted before
 * rejected, then id descending. A batch is stored in one transaction, so its calls share a
 * `received_at` to the microsecond; the kind and id keep a page boundary from skipping any.
 * `at` is the exact UTC time ("2030-01-02T03:04:05.123456Z"), which sorts as text.
 */
export interface CallPosition {
  at: string;
  kind: 'accepted' | 'rejected';
  id: string;
}

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([ar])\|(.+)$/;

/** The opaque `before` of a page: the position of the last call seen. */
export function encodeCursor(position: CallPosition): string {
  return `${position.at}|${position.kind === 'accepted' ? 'a' : 'r'}|${position.id}`;
}

export function decodeCursor(cursor: string): CallPosition | null {
  const match = cursorPattern.exec(cursor);
  if (!match) return null;
  return { at: match[1]!, kind: match[2] === 'a' ? 'accepted' : 'rejected', id: match[3]! };
}

/** Whether `a` comes before `b` in the debugger's order (each list's own order breaks id ties). */
function newer(a: Pick<CallPosition, 'at' | 'kind'>, b: Pick<CallPosition, 'at' | 'kind'>): boolean {
  if (a.at !== b.at) return a.at > b.at;
  return a.kind === 'accepted' && b.kind === 'rejected';
}

/** The newest `limit` of two lists that are each already in the debugger's order. */
export function mergeNewestFirst<T extends Pick<CallPosition, 'at' | 'kind'>>(accepted: readonly T[], rejected: readonly T[], limit: number): T[] {
  const merged: T[] = [];
  let a = 0;
  let r = 0;
  while (merged.length < limit && (a < accepted.length || r < rejected.length)) {
    const nextAccepted = accepted[a];
    const nextRejected = rejected[r];
    if (nextAccepted && (!nextRejected || newer(nextAccepted, nextRejected))) {
      merged.push(nextAccepted);
      a += 1;
    } else if (nextRejected) {
      merged.push(nextRejected);
      r += 1;
    }
  }
  return merged;
}

type Sql = ReturnType<typeof sql>;
type ReceivedAt = typeof events.receivedAt | typeof ingestionErrors.receivedAt;
type JsonColumn = typeof events.properties | typeof ingestionErrors.payload;

const exactTime = (column: ReceivedAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A JSON column as itself when small, else the start of its text (a JSON string). */
const cutJson = (column: JsonColumn) =>
  sql<unknown>`case when length(${column}::text) <= ${debuggerJsonLimit} then ${column} else to_jsonb(left(${column}::text, ${debuggerJsonLimit})) end`;
const isCut = (column: JsonColumn) =>
  sql<boolean>`coalesce(length(${column}::text) > ${debuggerJsonLimit}, false)`;

/** A string field of a rejected payload, when the payload is an object and the field a string. */
const payloadText = (key: string) =>
  sql<string | null>`case when jsonb_typeof(${ingestionErrors.payload}) = 'object' and jsonb_typeof(${ingestionErrors.payload} -> ${key}) = 'string' then ${ingestionErrors.payload} ->> ${key} end`;

/** Rows of one table after the cursor, in the debugger's order. */
function afterCursor(kind: CallPosition['kind'], cursor: CallPosition | null): Sql | undefined {
  if (!cursor) return undefined;
  const receivedAt = kind === 'accepted' ? events.receivedAt : ingestionErrors.receivedAt;
  const older = sql`${receivedAt} < ${cursor.at}::timestamptz`;
  const sameTime = sql`${receivedAt} = ${cursor.at}::timestamptz`;
  if (kind === 'accepted') {
    // At the cursor's time, accepted calls come first: after a rejected cursor none are left.
    return cursor.kind === 'rejected' ? older : sql`(${older} or (${sameTime} and ${events.id} < ${cursor.id}))`;
  }
  if (cursor.kind === 'accepted') return sql`${receivedAt} <= ${cursor.at}::timestamptz`;
  const id = Number(cursor.id);
  return Number.isSafeInteger(id) ? sql`(${older} or (${sameTime} and ${ingestionErrors.id} < ${id}))` : older;
}

export const eventsRouter = {
  /**
   * The live event debugger: the workspace's latest calls, accepted (the events table, with their
   * contact) and refused (the ingestion errors log), merged newest first. Page back with `before`,
   * the `cursor` of the last call seen. Properties and payloads over 4 KiB arrive as the start of
   * their JSON text, with `cut: true`.
   */
  recent: workspaceProcedure('analyst')
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50), before: z.string().regex(cursorPattern).optional() }))
    .query(async ({ ctx, input }) => {
      const cursor = input.before ? decodeCursor(input.before) : null;
      const [acceptedRows, rejectedRows] = await Promise.all([
        ctx.db
          .select({
            id: events.id,
            at: exactTime(events.receivedAt),
            receivedAt: events.receivedAt,
            type: events.type,
            name: events.name,
            messageId: events.messageId,
            routedAt: events.routedAt,
            properties: cutJson(events.properties),
            cut: isCut(events.properties),
            contactId: contacts.id,
            userId: contacts.userId,
            anonymousId: contacts.anonymousId,
            email: contacts.email,
          })
          .from(events)
          .leftJoin(contacts, and(eq(contacts.id, events.contactId), eq(contacts.workspaceId, ctx.workspace.id)))
          .where(and(eq(events.workspaceId, ctx.workspace.id), afterCursor('accepted', cursor)))
          .orderBy(desc(events.receivedAt), desc(events.id))
          .limit(input.limit),
        ctx.db
          .select({
            id: ingestionErrors.id,
            at: exactTime(ingestionErrors.receivedAt),
            receivedAt: ingestionErrors.receivedAt,
            type: ingestionErrors.callType,
            name: sql<string | null>`coalesce(${payloadText('event')}, ${payloadText('name')})`,
            userId: payloadText('userId'),
            anonymousId: payloadText('anonymousId'),
            messageId: ingestionErrors.messageId,
            field: ingestionErrors.field,
            message: ingestionErrors.message,
            payload: cutJson(ingestionErrors.payload),
            cut: isCut(ingestionErrors.payload),
          })
          .from(ingestionErrors)
          .where(and(eq(ingestionErrors.workspaceId, ctx.workspace.id), afterCursor('rejected', cursor)))
          .orderBy(desc(ingestionErrors.receivedAt), desc(ingestionErrors.id))
          .limit(input.limit),
      ]);
      const accepted = acceptedRows.map((row) => ({
        kind: 'accepted' as const,
        id: row.id,
        at: row.at,
        cursor: encodeCursor({ at: row.at, kind: 'accepted', id: row.id }),
        receivedAt: row.receivedAt,
        type: row.type,
        name: row.name,
        messageId: row.messageId,
        userId: row.userId,
        anonymousId: row.anonymousId,
        contact: row.contactId ? { id: row.contactId, userId: row.userId, anonymousId: row.anonymousId, email: row.email } : null,
        properties: row.properties,
        cut: row.cut,
        routed: row.routedAt !== null,
        routedAt: row.routedAt,
      }));
      const rejected = rejectedRows.map((row) => ({
        kind: 'rejected' as const,
        id: String(row.id),
        at: row.at,
        cursor: encodeCursor({ at: row.at, kind: 'rejected', id: String(row.id) }),
        receivedAt: row.receivedAt,
        type: row.type,
        name: row.name,
        messageId: row.messageId,
        userId: row.userId,
        anonymousId: row.anonymousId,
        field: row.field,
        message: row.message,
        payload: row.payload,
        cut: row.cut,
        routed: false,
      }));
      return mergeNewestFirst<(typeof accepted)[number] | (typeof rejected)[number]>(accepted, rejected, input.limit);
    }),

  /** How many calls were accepted and refused in the last hour and day, for the debugger's header. */
  counts: workspaceProcedure('analyst').query(async ({ ctx }) => {
    const window = (receivedAt: ReceivedAt) => ({
      lastHour: sql<number>`(count(*) filter (where ${receivedAt} > now() - interval '1 hour'))::int`,
      lastDay: sql<number>`count(*)::int`,
    });
    const [[accepted], [rejected]] = await Promise.all([
      ctx.db
        .select(window(events.receivedAt))
        .from(events)
        .where(and(eq(events.workspaceId, ctx.workspace.id), sql`${events.receivedAt} > now() - interval '1 day'`)),
      ctx.db
        .select(window(ingestionErrors.receivedAt))
        .from(ingestionErrors)
        .where(and(eq(ingestionErrors.workspaceId, ctx.workspace.id), sql`${ingestionErrors.receivedAt} > now() - interval '1 day'`)),
    ]);
    return {
      accepted: { lastHour: accepted?.lastHour ?? 0, lastDay: accepted?.lastDay ?? 0 },
      rejected: { lastHour: rejected?.lastHour ?? 0, lastDay: rejected?.lastDay ?? 0 },
    };
  }),

  /** Event names this workspace received lately, most frequent first, for the editor's event pickers. */
  names: workspaceProcedure('analyst')
    .input(z.object({ search: z.string().max(200).optional() }).default({}))
    .query(({ ctx, input }) => eventNames(ctx.db, ctx.workspace.id, input.search)),

  /** The property keys seen on recent events of one name, with an example value each. */
  properties: workspaceProcedure('analyst')
    .input(z.object({ event: z.string().min(1) }))
    .query(({ ctx, input }) => eventProperties(ctx.db, ctx.workspace.id, input.event)),
} satisfies TRPCRouterRecord;
