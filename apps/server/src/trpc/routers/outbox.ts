import { desc, devMailbox, eq, messages } from '@tend/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { workspaceProcedure } from '../trpc.js';

export const outboxRouter = {
  /** The send ledger: every message Tend sent or skipped, newest first. */
  messages: workspaceProcedure.input(z.object({ limit: z.number().int().min(1).max(500).default(100) })).query(({ ctx, input }) =>
    ctx.db
      .select()
      .from(messages)
      .where(eq(messages.workspaceId, ctx.workspace.id))
      .orderBy(desc(messages.createdAt))
      .limit(input.limit),
  ),

  /** Mail received by the dev mail catcher (npm start without SMTP_URL), newest first. */
  mailbox: workspaceProcedure.input(z.object({ limit: z.number().int().min(1).max(500).default(100) })).query(({ ctx, input }) =>
    ctx.db.select().from(devMailbox).orderBy(desc(devMailbox.receivedAt)).limit(input.limit),
  ),
} satisfies TRPCRouterRecord;
