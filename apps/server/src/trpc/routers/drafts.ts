import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { readDraft, saveDraft } from '../../journeys/drafts.js';
import { requireJourney } from '../../journeys/require-journey.js';
import { workspaceProcedure } from '../trpc.js';

export const draftsRouter = {
  /** The editor's working copy of a journey, as last saved; null when there is none. */
  get: workspaceProcedure('analyst').input(z.object({ id: z.string() })).query(({ ctx, input }) => readDraft(ctx.db, ctx.workspace.id, input.id)),

  /**
   * Autosave. Refused (CONFLICT) when someone saved after `baseRevision`, unless `force`. Not
   * audited: there is one per pause in typing; publishing is.
   */
  save: workspaceProcedure('marketer')
    .input(z.object({ id: z.string(), graph: z.unknown(), baseRevision: z.number().int().min(0).nullable(), force: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      await requireJourney(ctx.db, ctx.workspace.id, input.id);
      return saveDraft(ctx.db, {
        workspaceId: ctx.workspace.id,
        journeyId: input.id,
        graph: input.graph,
        baseRevision: input.baseRevision,
        force: input.force ?? false,
        userId: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      });
    }),
} satisfies TRPCRouterRecord;
