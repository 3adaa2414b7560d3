import { desc, devMailbox, eq, inArray, messages, or, sql } from '@tend/db';
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
