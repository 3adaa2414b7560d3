import { and, desc, devMailbox, eq, inArray, messages, or, sql } from '@tend/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { workspaceProcedure } from '../trpc.js';

export const outboxRouter = {
  /** The send ledger: every message Tend sent or skipped, newest first. */
  messages: workspaceProcedure('analyst').input(z.object({ limit: z.number().int().min(1).max(500).default(100) })).query(({ ctx, input }) =>
    ctx.db
      .select()
      .from(messages)
      .where(eq(messages.workspaceId, ctx.workspace.id))
      .orderBy(desc(messages.createdAt))
      .limit(input.limit),
  ),

  /**
   * What is waiting to go, per channel, over the whole ledger (the Outbox lists only the newest
   * rows): `held` by the message policy (deferred), `retrying` (a provider refused or was
   * unreachable on the last attempt, e.g. an outage: Temporal tries again, backing off) and
   * `sending` (an attempt in flight). `oldest`: when the oldest of them was first written.
   */
  backlog: workspaceProcedure('analyst').query(async ({ ctx }) => {
    // Written as the partial index messages_waiting says it, so the planner can use that index.
    const waiting = and(eq(messages.workspaceId, ctx.workspace.id), sql`${messages.status} in ('sending', 'deferred')`);
    const channels = await ctx.db
      .select({
        channel: messages.channel,
        held: sql<number>`count(*) filter (where ${messages.status} = 'deferred')`.mapWith(Number),
        retrying: sql<number>`count(*) filter (where ${messages.status} = 'sending' and ${messages.lastError} is not null)`.mapWith(Number),
        sending: sql<number>`count(*) filter (where ${messages.status} = 'sending' and ${messages.lastError} is null)`.mapWith(Number),
        oldest: sql<Date>`min(${messages.createdAt})`.mapWith(messages.createdAt),
      })
      .from(messages)
      .where(waiting)
      .groupBy(messages.channel)
      .orderBy(messages.channel);
    const sum = (field: 'held' | 'retrying' | 'sending') => channels.reduce((total, row) => total + row[field], 0);
    return { held: sum('held'), retrying: sum('retrying'), sending: sum('sending'), channels };
  }),

  /**
   * What the dev catchers received (npm start without SMTP_URL or SMS_URL), newest first: only
   * this workspace's messages, found through its send ledger (the catchers know no workspace).
   */
  mailbox: workspaceProcedure('analyst').input(z.object({ limit: z.number().int().min(1).max(500).default(100) })).query(({ ctx, input }) => {
    const ours = ctx.db
      .select({ id: sql<string>`coalesce(${messages.providerMessageId}, ${messages.idempotencyKey})` })
      .from(messages)
      .where(eq(messages.workspaceId, ctx.workspace.id));
    const oursByKey = ctx.db.select({ id: messages.idempotencyKey }).from(messages).where(eq(messages.workspaceId, ctx.workspace.id));
    return ctx.db
      .select()
      .from(devMailbox)
      .where(or(inArray(devMailbox.messageId, ours), inArray(devMailbox.messageId, oursByKey)))
      .orderBy(desc(devMailbox.receivedAt))
      .limit(input.limit);
  }),
} satisfies TRPCRouterRecord;
