import { readRfmSettings, readRfmSummary, rfmGroups, saveRfmSettings } from '@tend/audience';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { refreshAudienceNow } from '../../audience/refresh.js';
import { workspaceProcedure } from '../trpc.js';

export const rfmRouter = {
  /** The last computation: groups with contacts and revenue, the R×F grid, and the groups' cells. */
  summary: workspaceProcedure('analyst').query(async ({ ctx }) => ({
    summary: await readRfmSummary(ctx.db, ctx.workspace.id),
    groups: rfmGroups,
    settings: await readRfmSettings(ctx.db, ctx.workspace.id),
  })),

  /** Changes some settings (window, event, money property); the others keep their saved value. */
  saveSettings: workspaceProcedure('marketer')
    .input(z.record(z.string(), z.unknown()))
    .mutation(async ({ ctx, input }) => {
      const settings = await saveRfmSettings(ctx.db, ctx.workspace.id, input).catch((error: unknown) => {
        if (!(error instanceof z.ZodError)) throw error;
        throw new TRPCError({ code: 'BAD_REQUEST', message: error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`).join('; ') });
      });
      await ctx.audit({ action: 'rfm.settings', target: 'rfm', detail: input });
      return settings;
    }),

  /** RFM, predicted value and every segment, recomputed now on a worker (as the hourly schedule does). */
  recompute: workspaceProcedure('marketer').mutation(async ({ ctx }) => {
    const result = await refreshAudienceNow(ctx.temporal, ctx.workspace.id);
    ctx.routing?.wake();
    return result;
  }),
} satisfies TRPCRouterRecord;
