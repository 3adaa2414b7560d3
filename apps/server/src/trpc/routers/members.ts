import { and, asc, eq, invitations, memberships, roles, users, type Role } from '@tend/db';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { hashSecret, newSecret } from '../../auth/secrets.js';
import { workspaceProcedure, type WorkspaceContext } from '../trpc.js';

const role = z.enum(roles);
const invitationLifetimeMs = 7 * 24 * 3600 * 1000;

export const membersRouter = {
  list: workspaceProcedure('analyst').query(({ ctx }) =>
    ctx.db
      .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, ctx.workspace.id))
      .orderBy(asc(users.email)),
  ),

  /** An invitation link: whoever opens it joins with `role`. Shown once; valid for 7 days. */
  invite: workspaceProcedure('admin')
    .input(z.object({ role, email: z.email('email: enter the address you are inviting').optional() }))
    .mutation(async ({ ctx, input }) => {
      mayGrant(ctx, input.role);
      const token = newSecret('inv');
      await ctx.db.insert(invitations).values({
        tokenHash: hashSecret(token),
        workspaceId: ctx.workspace.id,
        role: input.role,
        email: input.email ?? null,
        invitedBy: ctx.actor,
        expiresAt: new Date(Date.now() + invitationLifetimeMs),
      });
      await ctx.audit({ action: 'member.invite', target: input.email ?? '', detail: { role: input.role } });
      return { link: `${(ctx.publicUrl ?? '').replace(/\/$/, '')}/#/invitation/${token}`, token };
    }),

  changeRole: workspaceProcedure('admin')
    .input(z.object({ userId: z.string(), role }))
    .mutation(async ({ ctx, input }) => {
      const current = await memberRole(ctx, input.userId);
      mayGrant(ctx, current);
      mayGrant(ctx, input.role);
      if (current === 'owner' && input.role !== 'owner') await keepAnOwner(ctx);
      await ctx.db.update(memberships).set({ role: input.role }).where(and(eq(memberships.workspaceId, ctx.workspace.id), eq(memberships.userId, input.userId)));
      await ctx.audit({ action: 'member.role', target: input.userId, detail: { from: current, to: input.role } });
      return { ok: true };
    }),

  remove: workspaceProcedure('admin')
    .input(z.object({ userId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const current = await memberRole(ctx, input.userId);
      mayGrant(ctx, current);
      if (current === 'owner') await keepAnOwner(ctx);
      await ctx.db.delete(memberships).where(and(eq(memberships.workspaceId, ctx.workspace.id), eq(memberships.userId, input.userId)));
      await ctx.audit({ action: 'member.remove', target: input.userId, detail: { role: current } });
      return { ok: true };
    }),
} satisfies TRPCRouterRecord;

/** Only an owner hands out, changes or takes away the owner role. */
function mayGrant(ctx: WorkspaceContext, role: Role): void {
  if (role === 'owner' && ctx.role !== 'owner') throw new TRPCError({ code: 'FORBIDDEN', message: 'only an owner can grant or change the owner role' });
}

async function memberRole(ctx: WorkspaceContext, userId: string): Promise<Role> {
  const [member] = await ctx.db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, ctx.workspace.id), eq(memberships.userId, userId)));
  if (!member) throw new TRPCError({ code: 'NOT_FOUND', message: 'no such member in this workspace' });
  return member.role;
}

async function keepAnOwner(ctx: WorkspaceContext): Promise<void> {
  const owners = await ctx.db.select().from(memberships).where(and(eq(memberships.workspaceId, ctx.workspace.id), eq(memberships.role, 'owner')));
  if (owners.length <= 1) throw new TRPCError({ code: 'BAD_REQUEST', message: 'a workspace keeps at least one owner: make someone else owner first' });
}
