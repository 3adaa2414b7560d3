import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { renderMessage } from '../../editor/message-render.js';
import { sendTestMessage } from '../../editor/send-test.js';
import { workspaceProcedure } from '../trpc.js';

/** What a message node would send: its config, and whom to render it for (a contact, or a sample profile). */
const messageInput = z.object({
  type: z.string().min(1),
  version: z.number().int().positive().optional(),
  config: z.unknown(),
  /** A contact of the workspace (id or user id). */
  contactId: z.string().nullish(),
  /** When no contact is picked: `{ traits, userId?, event?: { name, properties } }`; `event` also applies with a contact. */
  sample: z.record(z.string(), z.unknown()).optional(),
});

export type PreviewResult =
  | { ok: true; subject: string | null; html: string | null; text: string | null }
  | { ok: false; problems: { field?: string; message: string }[] };

export const messagesRouter = {
  /**
   * Renders a message node's config with the worker's renderer, for the inspector's preview.
   * A config the node refuses answers with its problems, by field.
   */
  preview: workspaceProcedure('marketer')
    .input(messageInput)
    .mutation(async ({ ctx, input }): Promise<PreviewResult> => {
      const rendered = await renderMessage(ctx.db, ctx.workspace.id, input, ctx.customNodes);
      if (!rendered.ok) return rendered;
      const { subject, html, text } = rendered.message;
      return { ok: true, subject, html, text };
    }),

  /**
   * Sends a message node's config to one address as a test, through the configured provider;
   * kept in the ledger marked test. `messageId` is the ledger key. Not audited: the ledger is the record.
   */
  sendTest: workspaceProcedure('marketer')
    .input(messageInput.extend({ to: z.string().trim().min(1, 'say where to send the test'), journeyId: z.string().nullish(), nodeId: z.string().nullish() }))
    .mutation(({ ctx, input }) => sendTestMessage(ctx.db, ctx.workspace.id, ctx.senders ?? {}, input, ctx.customNodes)),
} satisfies TRPCRouterRecord;
