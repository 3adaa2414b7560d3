import { and, desc, enrolments, eq, isLiveVersion, journeys, journeyVersions, nodeVisits, sql, workspaceSecrets } from '@tend/db';
import { publishAndApply, setJourneyStatus } from '@tend/publishing';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { workspaceProcedure, type WorkspaceContext } from '../trpc.js';

export const journeysRouter = {
  list: workspaceProcedure('analyst').query(async ({ ctx }) => {
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
      .leftJoin(journeyVersions, isLiveVersion)
      .where(eq(journeys.workspaceId, ctx.workspace.id))
      .orderBy(journeys.name);
    return rows.map(({ graph, ...row }) => ({
      ...row,
      description: graph?.description ?? null,
      lifecycle: graph?.lifecycle ?? null,
      nodeCount: graph?.nodes.length ?? 0,
    }));
  }),

  get: workspaceProcedure('analyst').input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
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

  /**
   * Validates, compiles and publishes a draft graph; a journey with problems is refused with all
   * of them (a header reading a secret the workspace lacks is one). With moveWaiting, contacts
   * waiting in the previous version move to this one.
   */
  publish: workspaceProcedure('marketer')
    .input(z.object({ graph: z.unknown(), moveWaiting: z.boolean().default(false), nodeMap: z.record(z.string(), z.string()).default({}) }))
    .mutation(async ({ ctx, input }) => {
      const secrets = await ctx.db.select({ name: workspaceSecrets.name }).from(workspaceSecrets).where(eq(workspaceSecrets.workspaceId, ctx.workspace.id));
      const result = await publishAndApply(ctx.db, ctx.temporal, ctx.workspace.id, input.graph as never, {
        ...input,
        nodes: ctx.customNodes,
        channels: ctx.channels,
        fetchAllowlist: ctx.fetchAllowlist,
        secretNames: secrets.map((secret) => secret.name),
      });
      if (!result.ok) return { ok: false as const, problems: result.problems };
      await ctx.audit({ action: 'journey.publish', target: result.journeyId, detail: { version: result.version, unchanged: result.unchanged, moved: result.moved } });
      return result;
    }),

  pause: workspaceProcedure('marketer').input(z.object({ id: z.string() })).mutation(({ ctx, input }) => changeStatus(ctx, input.id, 'paused')),
  resume: workspaceProcedure('marketer').input(z.object({ id: z.string() })).mutation(({ ctx, input }) => changeStatus(ctx, input.id, 'active')),
  archive: workspaceProcedure('marketer').input(z.object({ id: z.string() })).mutation(({ ctx, input }) => changeStatus(ctx, input.id, 'archived')),

  /** Live per-node counts: how many visits ended in each outcome, for the canvas. */
  stats: workspaceProcedure('analyst').input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({ nodeId: nodeVisits.nodeId, outcome: nodeVisits.outcome, count: sql<number>`count(*)::int` })
      .from(nodeVisits)
      .where(and(eq(nodeVisits.workspaceId, ctx.workspace.id), eq(nodeVisits.journeyId, input.id)))
      .groupBy(nodeVisits.nodeId, nodeVisits.outcome);
    const [active] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(enrolments)
      .where(and(eq(enrolments.workspaceId, ctx.workspace.id), eq(enrolments.journeyId, input.id), eq(enrolments.status, 'active')));
    return { active: active?.count ?? 0, visits: rows };
  }),
} satisfies TRPCRouterRecord;

async function changeStatus(ctx: WorkspaceContext, id: string, status: 'active' | 'paused' | 'archived') {
  const result = await setJourneyStatus(ctx.db, ctx.temporal, ctx.workspace.id, id, status);
  if (!result) throw new TRPCError({ code: 'NOT_FOUND', message: `no journey "${id}"` });
  await ctx.audit({ action: `journey.${status === 'active' ? 'resume' : status === 'paused' ? 'pause' : 'archive'}`, target: id, detail: { contactsTold: result.told } });
  return { id, status, contactsTold: result.told };
}
