import { and, apiTokens, asc, eq, sql, users, workspaceSecrets } from '@tend/db';
import { secretName } from '@tend/journey';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { workspaceProcedure } from '../trpc.js';

const maxValueLength = 8 * 1024;
// Secrets are sent as header values: one line of printable ASCII is what every receiver accepts.
const headerSafe = /^[\x20-\x7e]+$/;

const secretValue = z.string().superRefine((value, context) => {
  const problem =
    value.trim() === ''
      ? 'value: enter the secret'
      : value.length > maxValueLength
        ? `value: a secret is at most ${maxValueLength} characters`
        : !headerSafe.test(value)
          ? 'value: a secret is sent in a header, so it is one line of printable ASCII (no line breaks or accents)'
          : null;
  // The message never quotes the value: a refusal is shown and logged.
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/**
 * Workspace secrets: values journeys use without holding them (a webhook's Authorization header
 * reads {{ secrets.CRM_TOKEN }}), filled in only by the worker when it makes the call. Write-only:
 * no procedure answers with a value, and the audit log records names only.
 */
export const secretsRouter = {
  /** The workspace's secret names, with who last set each and when; never a value. */
  list: workspaceProcedure('analyst').query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        name: workspaceSecrets.name,
        updatedAt: workspaceSecrets.updatedAt,
        updatedBy: workspaceSecrets.updatedBy,
        email: users.email,
        tokenName: apiTokens.name,
      })
      .from(workspaceSecrets)
      // updatedBy is the actor as the audit log names it: "user:<id>" or "token:<id>".
      .leftJoin(users, eq(workspaceSecrets.updatedBy, sql`'user:' || ${users.id}`))
      .leftJoin(apiTokens, eq(workspaceSecrets.updatedBy, sql`'token:' || ${apiTokens.id}`))
      .where(eq(workspaceSecrets.workspaceId, ctx.workspace.id))
      .orderBy(asc(workspaceSecrets.name));
    return rows.map((row) => ({
      name: row.name,
      updatedAt: row.updatedAt,
      updatedBy: row.email ?? (row.tokenName === null ? row.updatedBy : `API token "${row.tokenName}"`),
    }));
  }),

  /** Adds a secret or replaces its value; calls already made keep the value they were made with. */
  set: workspaceProcedure('admin')
    .input(z.object({ name: secretName, value: secretValue }))
    .mutation(async ({ ctx, input }) => {
      const ofName = and(eq(workspaceSecrets.workspaceId, ctx.workspace.id), eq(workspaceSecrets.name, input.name));
      const [existing] = await ctx.db.select({ name: workspaceSecrets.name }).from(workspaceSecrets).where(ofName);
      await ctx.db
        .insert(workspaceSecrets)
        .values({ workspaceId: ctx.workspace.id, name: input.name, value: input.value, updatedBy: ctx.actor })
        .onConflictDoUpdate({
          target: [workspaceSecrets.workspaceId, workspaceSecrets.name],
          set: { value: input.value, updatedBy: ctx.actor, updatedAt: new Date() },
        });
      await ctx.audit({ action: 'secret.set', target: input.name, detail: { replaced: Boolean(existing) } });
      return { name: input.name, replaced: Boolean(existing) };
    }),

  /** Deletes a secret: webhooks that read it fail, naming it, until it is added again. */
  remove: workspaceProcedure('admin')
    .input(z.object({ name: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const [removed] = await ctx.db
        .delete(workspaceSecrets)
        .where(and(eq(workspaceSecrets.workspaceId, ctx.workspace.id), eq(workspaceSecrets.name, input.name)))
        .returning({ name: workspaceSecrets.name });
      if (!removed) throw new TRPCError({ code: 'NOT_FOUND', message: `no secret ${input.name} in this workspace` });
      await ctx.audit({ action: 'secret.remove', target: removed.name });
      return { ok: true };
    }),
} satisfies TRPCRouterRecord;
