import { createSegment, deleteSegment, getSegment, listSegments, previewSegment, recomputeSegment, SegmentError, updateSegment } from '@tend/audience';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { workspaceProcedure } from '../trpc.js';

/** A refused definition as tRPC errors carry it: the problems, each with its path, in `cause`. */
function asTrpcError(error: unknown): never {
  if (!(error instanceof SegmentError)) throw error;
  const code = error.reason === 'not-found' ? 'NOT_FOUND' : error.reason === 'conflict' ? 'CONFLICT' : 'BAD_REQUEST';
  throw new TRPCError({ code, message: error.message, cause: Object.assign(new Error(error.message), { problems: error.problems }) });
}

export const segmentsRouter = {
  list: workspaceProcedure('analyst').query(({ ctx }) => listSegments(ctx.db, ctx.workspace.id)),

  get: workspaceProcedure('analyst')
    .input(z.object({ id: z.string() }))
    .query(async ({ ctx, input }) => {
      const segment = await getSegment(ctx.db, ctx.workspace.id, input.id);
      if (!segment) throw new TRPCError({ code: 'NOT_FOUND', message: `no segment "${input.id}"` });
      return segment;
    }),

  /** The live count and a sample of a definition being edited; nothing is stored. */
  preview: workspaceProcedure('analyst')
    .input(z.object({ definition: z.unknown() }))
    .query(({ ctx, input }) => previewSegment(ctx.db, ctx.workspace.id, input.definition, new Date()).catch(asTrpcError)),

  create: workspaceProcedure('marketer')
    .input(z.object({ id: z.string().optional(), name: z.string().trim().min(1, 'name the segment').max(120), description: z.string().max(500).default(''), definition: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const segment = await createSegment(ctx.db, ctx.workspace.id, input).catch(asTrpcError);
      await ctx.audit({ action: 'segment.create', target: segment.id, detail: { name: segment.name } });
      // Members from the start, so the count and the "entered segment" trigger are right at once.
      const computed = await recomputeSegment(ctx.db, ctx.workspace.id, segment.id, new Date());
      ctx.routing?.wake();
      return { ...segment, size: computed.size };
    }),

  update: workspaceProcedure('marketer')
    .input(z.object({ id: z.string(), name: z.string().trim().min(1).max(120).optional(), description: z.string().max(500).optional(), definition: z.unknown().optional() }))
    .mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      const segment = await updateSegment(ctx.db, ctx.workspace.id, id, changes).catch(asTrpcError);
      await ctx.audit({ action: 'segment.update', target: id, detail: { fields: Object.keys(changes) } });
      const computed = await recomputeSegment(ctx.db, ctx.workspace.id, id, new Date());
      ctx.routing?.wake();
      return { ...segment, size: computed.size };
    }),

  delete: workspaceProcedure('marketer')
    .input(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await deleteSegment(ctx.db, ctx.workspace.id, input.id).catch(asTrpcError);
      await ctx.audit({ action: 'segment.delete', target: input.id });
      return { deleted: input.id };
    }),

  /** Recomputes one segment now: who entered, who left, and its size. */
  recompute: workspaceProcedure('marketer')
    .input(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const result = await recomputeSegment(ctx.db, ctx.workspace.id, input.id, new Date()).catch(asTrpcError);
      ctx.routing?.wake();
      return result;
    }),
} satisfies TRPCRouterRecord;
