import { workspaceVapidKeys } from '@tend/channels';
import { catalogueJson } from '@tend/journey';
import { eq, workspaces } from '@tend/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { newWriteKey } from '../../workspace.js';
import { workspaceProcedure } from '../trpc.js';

export const systemRouter = {
  health: workspaceProcedure('analyst').query(({ ctx }) => ctx.health()),
  /** The node catalogue: each node type with its config as JSON Schema, for the editor. */
  catalogue: workspaceProcedure('analyst').query(({ ctx }) => catalogueJson(ctx.customNodes)),
  workspace: workspaceProcedure('analyst').query(({ ctx }) => ({
    id: ctx.workspace.id,
    name: ctx.workspace.name,
    writeKey: ctx.workspace.writeKey,
    previousWriteKeyExpiresAt: ctx.workspace.previousWriteKeyExpiresAt,
    role: ctx.role,
  })),
  /** The workspace's VAPID public key, which browsers subscribe to web push with (the private key never leaves the server). */
  push: workspaceProcedure('analyst').query(async ({ ctx }) => ({ publicKey: (await workspaceVapidKeys(ctx.db, ctx.workspace.id)).publicKey })),

  /**
   * A new write key. The old one keeps working for `graceHours` (default a day), so the shop's
   * clients can move over without losing events.
   */
  rotateWriteKey: workspaceProcedure('admin')
    .input(z.object({ graceHours: z.number().min(0).max(24 * 30).default(24) }))
    .mutation(async ({ ctx, input }) => {
      const writeKey = newWriteKey();
      const previousWriteKeyExpiresAt = new Date(Date.now() + input.graceHours * 3600 * 1000);
      await ctx.db.update(workspaces).set({ writeKey, previousWriteKey: ctx.workspace.writeKey, previousWriteKeyExpiresAt }).where(eq(workspaces.id, ctx.workspace.id));
      await ctx.audit({ action: 'write-key.rotate', detail: { graceHours: input.graceHours } });
      return { writeKey, previousWriteKeyExpiresAt };
    }),
} satisfies TRPCRouterRecord;
