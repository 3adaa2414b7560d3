import { workspaceVapidKeys } from '@tend/channels';
import { catalogueJson, mailboxError } from '@tend/journey';
import { eq, workspaces } from '@tend/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { forgetWriteKeys } from '../../ingest/auth.js';
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
  /** Who the workspace's emails come from, and where replies go (null: to the sender). */
  sender: workspaceProcedure('analyst').query(({ ctx }) => ({ from: ctx.workspace.emailFrom, replyTo: ctx.workspace.emailReplyTo })),
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
      forgetWriteKeys(ctx.db, ctx.workspace.id);
      await ctx.audit({ action: 'write-key.rotate', detail: { graceHours: input.graceHours } });
      return { writeKey, previousWriteKeyExpiresAt };
    }),

  /**
   * A new sender identity, used from the next email on (a journey's node may still name its own).
   * An empty or absent `replyTo` removes it: replies then go to the sender.
   */
  saveSender: workspaceProcedure('admin')
    .input(z.object({ from: mailboxField('from', 'sender'), replyTo: mailboxField('replyTo', 'reply-to address', { optional: true }).nullish() }))
    .mutation(async ({ ctx, input }) => {
      const sender = { from: input.from, replyTo: input.replyTo || null };
      const before = { from: ctx.workspace.emailFrom, replyTo: ctx.workspace.emailReplyTo };
      if (sender.from === before.from && sender.replyTo === before.replyTo) return sender;
      await ctx.db.update(workspaces).set({ emailFrom: sender.from, emailReplyTo: sender.replyTo }).where(eq(workspaces.id, ctx.workspace.id));
      await ctx.audit({ action: 'sender.save', target: ctx.workspace.id, detail: { ...sender, before } });
      return sender;
    }),
} satisfies TRPCRouterRecord;

/**
 * One mailbox (see mailboxError), refused with a message that names its field, as the console
 * shows it; an `optional` field also takes an empty value.
 */
function mailboxField(field: string, noun: string, { optional = false } = {}) {
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      const error = optional && !value ? null : mailboxError(value, noun);
      if (error) context.addIssue({ code: 'custom', message: `${field}: ${error}` });
    });
}
