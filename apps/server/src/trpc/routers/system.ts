import { catalogueJson } from '@tend/journey';
import type { TRPCRouterRecord } from '@trpc/server';
import { workspaceProcedure } from '../trpc.js';

export const systemRouter = {
  health: workspaceProcedure.query(({ ctx }) => ctx.health()),
  /** The node catalogue: each node type with its config as JSON Schema, for the editor. */
  catalogue: workspaceProcedure.query(({ ctx }) => catalogueJson(ctx.customNodes)),
  workspace: workspaceProcedure.query(({ ctx }) => ({ id: ctx.workspace.id, name: ctx.workspace.name, writeKey: ctx.workspace.writeKey })),
} satisfies TRPCRouterRecord;
