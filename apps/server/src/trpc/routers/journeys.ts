import { and, desc, eq, journeys, journeyVersions } from '@tend/db';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { publishJourney } from '../../journeys/publish.js';
import { workspaceProcedure } from '../trpc.js';

export const journeysRouter = {
  list: workspaceProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        id: journeys.id,
        name: journeys.name,
        status: journeys.status,
        liveVersion: journeys.liveVersion,
        updatedAt: journeys.updatedAt,
        graph: journeyVersions.graph,
      })
      .from(journeys)
      .leftJoin(
        journeyVersions,
        and(
          eq(journeyVersions.workspaceId, journeys.workspaceId),
          eq(journeyVersions.journeyId, journeys.id),
          eq(journeyVersions.version, journeys.liveVersion),
        ),
      )
      .where(eq(journeys.workspaceId, ctx.workspace.id))
      .orderBy(journeys.name);
    return rows.map(({ graph, ...row }) => ({
      ...row,
      description: graph?.description ?? null,
      lifecycle: graph?.lifecycle ?? null,
      nodeCount: graph?.nodes.length ?? 0,
    }));
  }),

  get: workspaceProcedure.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const [journey] = await ctx.db
      .select()
      .from(journeys)
      .where(and(eq(journeys.workspaceId, ctx.workspace.id), eq(journeys.id, input.id)));
    if (!journey) throw new TRPCError({ code: 'NOT_FOUND', message: `no journey "${input.id}"` });
    const versions = await ctx.db
      .select()
      .from(journeyVersions)
      .where(and(eq(journeyVersions.workspaceId, ctx.workspace.id), eq(journeyVersions.journeyId, input.id)))
      .orderBy(desc(journeyVersions.version));
    const live = versions.find((version) => version.version === journey.liveVersion) ?? null;
    return {
      id: journey.id,
      name: journey.name,
      status: journey.status,
      liveVersion: journey.liveVersion,
      versions: versions.map(({ version, hash, publishedAt }) => ({ version, hash, publishedAt })),
      graph: live?.graph ?? null,
    };
  }),

  /** Validates, compiles and publishes a draft graph; a journey with problems is refused with all of them. */
  publish: workspaceProcedure.input(z.object({ graph: z.unknown() })).mutation(async ({ ctx, input }) => {
    const result = await publishJourney(ctx.db, ctx.workspace.id, input.graph as never);
    if (!result.ok) return { ok: false as const, problems: result.problems };
    return result;
  }),
} satisfies TRPCRouterRecord;
