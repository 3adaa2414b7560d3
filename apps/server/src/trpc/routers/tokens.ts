import { and, apiTokens, desc, eq, roles } from '@tend/db';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { createApiToken } from '../../auth/api-tokens.js';
import { roleAllows } from '../../auth/roles.js';
import { workspaceProcedure } from '../trpc.js';

export const tokensRouter = {
  /** The workspace's API tokens, without their secrets (only a prefix to tell them apart). */
  list: workspaceProcedure('admin').query(({ ctx }) =>
    ctx.db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        role: apiTokens.role,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.workspaceId, ctx.workspace.id))
      .orderBy(desc(apiTokens.createdAt)),
  ),

  /** A new token; its secret is in this answer and nowhere else, ever. */
  create: workspaceProcedure('admin')
    .input(z.object({ name: z.string().trim().min(1, 'name: say what the token is for, e.g. "CI publish"'), role: z.enum(roles).default('marketer') }))
    .mutation(async ({ ctx, input }) => {
      if (!roleAllows(ctx.role, input.role)) throw new TRPCError({ code: 'FORBIDDEN', message: `role: you cannot make a token with more rights than your own (${ctx.role})` });
      const created = await createApiToken(ctx.db, { workspaceId: ctx.workspace.id, name: input.name, role: input.role, createdBy: ctx.actor });
      await ctx.audit({ action: 'token.create', target: input.name, detail: { id: created.id, role: input.role } });
      return created;
    }),

  revoke: workspaceProcedure('admin')
    .input(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const [revoked] = await ctx.db
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.workspaceId, ctx.workspace.id), eq(apiTokens.id, input.id)))
        .returning({ name: apiTokens.name });
      if (!revoked) throw new TRPCError({ code: 'NOT_FOUND', message: 'no such token in this workspace' });
      await ctx.audit({ action: 'token.revoke', target: revoked.name, detail: { id: input.id } });
      return { ok: true };
    }),
} satisfies TRPCRouterRecord;
