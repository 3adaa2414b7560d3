import { and, desc, enrolments, eq, isLiveVersion, journeyDrafts, journeys, journeyVersions, nodeVisits, sql, subscriptionTopics, workspaceSecrets } from '@tend/db';
import { templateAvailability } from '@tend/channels';
import { publishAndApply, setJourneyStatus } from '@tend/publishing';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { commandContactRun } from '../../journeys/contact-commands.js';
import { contactsAt } from '../../journeys/contacts-at.js';
import { createJourney, journeyIdMessage, journeyIdPattern } from '../../journeys/create-journey.js';
import { emptyTrend, journeyTrends } from '../../journeys/list-stats.js';
import { nodeStats } from '../../journeys/node-stats.js';
import { workspaceProcedure, type WorkspaceContext } from '../trpc.js';

const reason = z.string().trim().min(1, 'say why (it is kept on the contact\'s trail)').max(500);

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
        draftRevision: journeyDrafts.revision,
      })
      .from(journeys)
      .leftJoin(journeyVersions, isLiveVersion)
      .leftJoin(journeyDrafts, and(eq(journeyDrafts.workspaceId, journeys.workspaceId), eq(journeyDrafts.journeyId, journeys.id)))
      .where(eq(journeys.workspaceId, ctx.workspace.id))
      .orderBy(journeys.name);
    const now = new Date();
    const trends = await journeyTrends(ctx.db, ctx.workspace.id, now);
    return rows.map(({ graph, draftRevision, ...row }) => ({
      ...row,
      description: graph?.description ?? null,
      lifecycle: graph?.lifecycle ?? null,
      nodeCount: graph?.nodes.length ?? 0,
      hasDraft: draftRevision !== null,
      ...(trends.get(row.id) ?? emptyTrend(now)),
    }));
  }),

  /** A new journey: no live version yet, and a first draft holding `graph` (a template) or a blank one. */
  create: workspaceProcedure('marketer')
    .input(z.object({ id: z.string().regex(journeyIdPattern, journeyIdMessage), name: z.string().trim().min(1, 'name the journey'), graph: z.unknown().optional() }))
    .mutation(async ({ ctx, input }) => {
      const created = await createJourney(ctx.db, { workspaceId: ctx.workspace.id, ...input, userId: ctx.principal.kind === 'user' ? ctx.principal.userId : null });
      await ctx.audit({ action: 'journey.create', target: input.id, detail: { name: input.name, fromTemplate: input.graph !== undefined } });
      return created;
    }),

  /** Any published version, to open read-only, compare or restore as a draft. */
  version: workspaceProcedure('analyst')
    .input(z.object({ id: z.string(), version: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({ version: journeyVersions.version, hash: journeyVersions.hash, publishedAt: journeyVersions.publishedAt, graph: journeyVersions.graph })
        .from(journeyVersions)
        .where(and(eq(journeyVersions.workspaceId, ctx.workspace.id), eq(journeyVersions.journeyId, input.id), eq(journeyVersions.version, input.version)));
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `journey "${input.id}" has no version ${input.version}` });
      return { ...row, publishedAt: row.publishedAt.toISOString() };
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
   * of them (a header reading a secret the workspace lacks is one, an email naming a library
   * template that is missing or unpublished another, a message naming a topic the workspace
   * does not have a third). With moveWaiting, contacts
   * waiting in the previous version move to this one.
   */
  publish: workspaceProcedure('marketer')
    .input(z.object({ graph: z.unknown(), moveWaiting: z.boolean().default(false), nodeMap: z.record(z.string(), z.string()).default({}) }))
    .mutation(async ({ ctx, input }) => {
      const [secrets, templates, topics] = await Promise.all([
        ctx.db.select({ name: workspaceSecrets.name }).from(workspaceSecrets).where(eq(workspaceSecrets.workspaceId, ctx.workspace.id)),
        templateAvailability(ctx.db, ctx.workspace.id),
        ctx.db.select({ id: subscriptionTopics.id }).from(subscriptionTopics).where(eq(subscriptionTopics.workspaceId, ctx.workspace.id)),
      ]);
      const result = await publishAndApply(ctx.db, ctx.temporal, ctx.workspace.id, input.graph as never, {
        ...input,
        nodes: ctx.customNodes,
        channels: ctx.channels,
        fetchAllowlist: ctx.fetchAllowlist,
        secretNames: secrets.map((secret) => secret.name),
        // A send-email node must name a published library template, a message a topic of the workspace.
        templates,
        topics: topics.map((topic) => topic.id),
      });
      if (!result.ok) return { ok: false as const, problems: result.problems };
      await ctx.audit({ action: 'journey.publish', target: result.journeyId, detail: { version: result.version, unchanged: result.unchanged, moved: result.moved } });
      return result;
    }),

  pause: workspaceProcedure('marketer').input(z.object({ id: z.string() })).mutation(({ ctx, input }) => changeStatus(ctx, input.id, 'paused')),
  resume: workspaceProcedure('marketer').input(z.object({ id: z.string() })).mutation(({ ctx, input }) => changeStatus(ctx, input.id, 'active')),
  archive: workspaceProcedure('marketer').input(z.object({ id: z.string() })).mutation(({ ctx, input }) => changeStatus(ctx, input.id, 'archived')),

  /**
   * Live counts for the canvas: per node, how many entered, wait there now, converted, and left
   * by each output id. `visits` (per outcome) is the older shape, kept for the contact page.
   */
  stats: workspaceProcedure('analyst').input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const nodes = await nodeStats(ctx.db, ctx.workspace.id, input.id, ctx.customNodes);
    const rows = await ctx.db
      .select({ nodeId: nodeVisits.nodeId, outcome: nodeVisits.outcome, count: sql<number>`count(*)::int` })
      .from(nodeVisits)
      .where(and(eq(nodeVisits.workspaceId, ctx.workspace.id), eq(nodeVisits.journeyId, input.id)))
      .groupBy(nodeVisits.nodeId, nodeVisits.outcome);
    const [active] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(enrolments)
      .where(and(eq(enrolments.workspaceId, ctx.workspace.id), eq(enrolments.journeyId, input.id), eq(enrolments.status, 'active')));
    return { active: active?.count ?? 0, nodes, visits: rows };
  }),

  /** The contacts at a node now, longest there first; search by email, user id or contact id. */
  contactsAt: workspaceProcedure('analyst')
    .input(
      z.object({
        id: z.string(),
        nodeId: z.string(),
        search: z.string().max(200).optional(),
        cursor: z.string().nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) =>
      contactsAt(ctx.db, { workspaceId: ctx.workspace.id, journeyId: input.id, nodeId: input.nodeId, search: input.search, cursor: input.cursor, limit: input.limit }),
    ),

  /** Ends one contact's run in the journey; the reason goes on their trail and in the audit log. */
  removeContact: workspaceProcedure('marketer')
    .input(z.object({ id: z.string(), contactId: z.string(), reason }))
    .mutation(async ({ ctx, input }) => {
      await commandContactRun(ctx.db, ctx.temporal, { workspaceId: ctx.workspace.id, journeyId: input.id, contactId: input.contactId }, { kind: 'remove', reason: input.reason, by: ctx.actorLabel });
      await ctx.audit({ action: 'journey.remove-contact', target: input.id, detail: { contactId: input.contactId, reason: input.reason } });
      return { ok: true as const };
    }),

  /** Moves one contact to another node of the version they run; the reason goes on their trail and in the audit log. */
  moveContact: workspaceProcedure('marketer')
    .input(z.object({ id: z.string(), contactId: z.string(), toNodeId: z.string().min(1), reason }))
    .mutation(async ({ ctx, input }) => {
      await commandContactRun(
        ctx.db,
        ctx.temporal,
        { workspaceId: ctx.workspace.id, journeyId: input.id, contactId: input.contactId },
        { kind: 'move', toNodeId: input.toNodeId, reason: input.reason, by: ctx.actorLabel },
      );
      await ctx.audit({ action: 'journey.move-contact', target: input.id, detail: { contactId: input.contactId, toNodeId: input.toNodeId, reason: input.reason } });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;

async function changeStatus(ctx: WorkspaceContext, id: string, status: 'active' | 'paused' | 'archived') {
  const result = await setJourneyStatus(ctx.db, ctx.temporal, ctx.workspace.id, id, status);
  if (!result) throw new TRPCError({ code: 'NOT_FOUND', message: `no journey "${id}"` });
  await ctx.audit({ action: `journey.${status === 'active' ? 'resume' : status === 'paused' ? 'pause' : 'archive'}`, target: id, detail: { contactsTold: result.told } });
  return { id, status, contactsTold: result.told };
}
