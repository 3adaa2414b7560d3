import { desc, eq, imports } from '@tend/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { workspaceProcedure } from '../trpc.js';

export const importsRouter = {
  /** The workspace's imports, latest first, with how far each got and its summary. */
  list: workspaceProcedure('analyst').query(({ ctx }) =>
    ctx.db.select().from(imports).where(eq(imports.workspaceId, ctx.workspace.id)).orderBy(desc(imports.updatedAt)).limit(50),
  ),
} satisfies TRPCRouterRecord;
