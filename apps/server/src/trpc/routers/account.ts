import { asc, eq, memberships, users, workspaces } from '@tend/db';
import { mailbox } from '@tend/journey';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { hashPassword, minPasswordLength, verifyPassword } from '../../auth/passwords.js';
import { createWorkspace } from '../../workspace.js';
import { userProcedure } from '../trpc.js';

export const accountRouter = {
  /** Who is signed in, and the workspaces they belong to (the console's switcher). */
  me: userProcedure.query(async ({ ctx }) => {
    const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.userId));
    const rows = await ctx.db
      .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, ctx.user.userId))
      .orderBy(asc(memberships.createdAt));
    return { id: user!.id, email: user!.email, name: user!.name, hasPassword: Boolean(user!.passwordHash), workspaces: rows };
  }),

  /** Sets (or changes) the password; changing one needs the current one. */
  setPassword: userProcedure
    .input(z.object({ current: z.string().optional(), password: z.string().min(minPasswordLength, `use at least ${minPasswordLength} characters`) }))
    .mutation(async ({ ctx, input }) => {
      const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.userId));
      if (user!.passwordHash && !(await verifyPassword(input.current ?? '', user!.passwordHash))) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'current: the current password is wrong' });
      }
      await ctx.db.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, ctx.user.userId));
      return { ok: true };
    }),

  /** A new workspace; whoever creates it owns it. */
  createWorkspace: userProcedure
    .input(
      z.object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,38}$/, 'id: 2 to 39 lower-case letters, digits or dashes'),
        name: z.string().trim().min(1, 'name: give the workspace a name'),
        emailFrom: mailbox('sender'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const [taken] = await ctx.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, input.id));
      if (taken) throw new TRPCError({ code: 'CONFLICT', message: `id: a workspace "${input.id}" exists already` });
      const workspace = await createWorkspace(ctx.db, input, ctx.user.userId);
      return { id: workspace.id, name: workspace.name };
    }),
} satisfies TRPCRouterRecord;
