import { and, auditLog, desc, eq, lt } from '@tend/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { workspaceProcedure } from '../trpc.js';

export const auditRouter = {
  /** Who changed what, newest first; page with `before` (the last id seen). */
  list: workspaceProcedure('analyst')
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100), before: z.number().int().optional() }))
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, ctx.workspace.id), input.before ? lt(auditLog.id, input.before) : undefined))
        .orderBy(desc(auditLog.id))
        .limit(input.limit),
    ),
} satisfies TRPCRouterRecord;
