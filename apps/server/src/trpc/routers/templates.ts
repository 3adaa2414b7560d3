import {
  archiveTemplate,
  createStarterLibrary,
  createTemplate,
  getTemplate,
  listTemplates,
  publishTemplate,
  restoreTemplateVersion,
  saveTemplateDraft,
  templateContentSchema,
  TemplateError,
  templateKinds,
  templateVersion,
} from '@tend/channels';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { sendRenderedTest } from '../../editor/send-test.js';
import { previewTemplate } from '../../editor/template-preview.js';
import type { Principal } from '../../auth/principal.js';
import { workspaceProcedure } from '../trpc.js';

const id = z.string().trim().min(1, 'name the template by its id');
/** Whom a preview or test renders for: a contact (id or user id), else sample traits and entry event. */
const sampleFields = { contactId: z.string().nullish(), sample: z.record(z.string(), z.unknown()).optional() };

const codes = { 'not-found': 'NOT_FOUND', exists: 'CONFLICT', invalid: 'BAD_REQUEST', conflict: 'CONFLICT', 'in-use': 'PRECONDITION_FAILED' } as const;

/** The library's refusals as tRPC errors; the field at fault, if any, in `cause.field`. */
function asTrpcError(error: unknown): never {
  if (!(error instanceof TemplateError)) throw error;
  throw new TRPCError({ code: codes[error.reason], message: error.message, cause: Object.assign(new Error(error.message), { field: error.field }) });
}

/** Who changed it, for the item's history: a user, or null for an API token. */
const userOf = (ctx: { principal: Principal }) => (ctx.principal.kind === 'user' ? ctx.principal.userId : null);

/**
 * The workspace's email library: templates, the layouts they sit in and the partials they share,
 * each a draft plus append-only published versions (see @tend/channels templates).
 */
export const templatesRouter = {
  /** Every item, archived last, with the journeys whose live version sends it. */
  list: workspaceProcedure('analyst').query(({ ctx }) => listTemplates(ctx.db, ctx.workspace.id)),

  /** One item: its draft with the draft's problems, and its versions (newest first). */
  get: workspaceProcedure('analyst')
    .input(z.object({ id }))
    .query(({ ctx, input }) => getTemplate(ctx.db, ctx.workspace.id, input.id).catch(asTrpcError)),

  /** A new template, layout or partial with a starter draft that renders; nothing is live until published. */
  create: workspaceProcedure('marketer')
    .input(z.object({ id, kind: z.enum(templateKinds, { error: 'choose template, layout or partial' }), name: z.string().trim().min(1, 'name it'), format: z.enum(['mjml', 'html']).optional() }))
    .mutation(async ({ ctx, input }) => {
      const created = await createTemplate(ctx.db, { workspaceId: ctx.workspace.id, ...input, userId: userOf(ctx) }).catch(asTrpcError);
      await ctx.audit({ action: 'template.create', target: input.id, detail: { kind: input.kind, name: input.name } });
      return created;
    }),

  /** A base layout, header, footer and product partials and a welcome template, published; items whose id is taken are kept. */
  createStarterLibrary: workspaceProcedure('marketer').mutation(async ({ ctx }) => {
    const result = await createStarterLibrary(ctx.db, { id: ctx.workspace.id, name: ctx.workspace.name }, userOf(ctx));
    await ctx.audit({ action: 'template.create-starter-library', target: ctx.workspace.id, detail: { created: result.created } });
    return result;
  }),

  /**
   * Autosave of the draft, refused (CONFLICT) when someone saved after `revision`. Returns the new
   * revision and the draft's problems. Not audited, like journey drafts: there is one per pause
   * in typing; publishing is.
   */
  save: workspaceProcedure('marketer')
    .input(z.object({ id, name: z.string().optional(), draft: templateContentSchema, revision: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => saveTemplateDraft(ctx.db, { workspaceId: ctx.workspace.id, ...input, userId: userOf(ctx) }).catch(asTrpcError)),

  /**
   * Renders a draft (saved or not) as sends would, with the live layouts and partials, for a
   * contact or sample traits. A mutation because a draft can be large (a query's input rides in
   * the URL), hence a marketer's, like messages.preview: an analyst calls no mutation.
   */
  preview: workspaceProcedure('marketer')
    .input(z.object({ id, kind: z.enum(templateKinds), draft: templateContentSchema, ...sampleFields }))
    .mutation(async ({ ctx, input }) => {
      const preview = await previewTemplate(ctx.db, ctx.workspace.id, input);
      if (!preview.ok) return preview;
      const { subject, html, text, preheader } = preview;
      return { ok: true as const, subject, html, text, preheader };
    }),

  /** Makes the draft at `revision` live, if it compiles and breaks no live template that uses it. */
  publish: workspaceProcedure('marketer')
    .input(z.object({ id, revision: z.number().int().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const result = await publishTemplate(ctx.db, { workspaceId: ctx.workspace.id, ...input, userId: userOf(ctx) }).catch(asTrpcError);
      if (result.ok) await ctx.audit({ action: 'template.publish', target: input.id, detail: { version: result.version, unchanged: result.unchanged } });
      return result;
    }),

  /** One published version, to view read-only or compare. */
  version: workspaceProcedure('analyst')
    .input(z.object({ id, version: z.number().int().positive() }))
    .query(({ ctx, input }) => templateVersion(ctx.db, ctx.workspace.id, input.id, input.version).catch(asTrpcError)),

  /** Puts a published version back into the draft; sends change only when it is published. */
  restore: workspaceProcedure('marketer')
    .input(z.object({ id, version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const restored = await restoreTemplateVersion(ctx.db, { workspaceId: ctx.workspace.id, ...input, userId: userOf(ctx) }).catch(asTrpcError);
      await ctx.audit({ action: 'template.restore', target: input.id, detail: { version: input.version } });
      return restored;
    }),

  /** Takes an item out of use; refused while a live journey or live template uses it. */
  archive: workspaceProcedure('marketer')
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const archived = await archiveTemplate(ctx.db, ctx.workspace.id, input.id).catch(asTrpcError);
      await ctx.audit({ action: 'template.archive', target: input.id });
      return archived;
    }),

  /**
   * Sends the rendered draft to one address as a test, through the email provider; kept in the
   * ledger marked test (`messageId` is its key). Not audited, like a message node's test: the ledger is the record.
   */
  sendTest: workspaceProcedure('marketer')
    .input(z.object({ id, kind: z.enum(templateKinds).default('template'), draft: templateContentSchema, to: z.string().trim().min(1, 'say where to send the test'), ...sampleFields }))
    .mutation(async ({ ctx, input }) => {
      const preview = await previewTemplate(ctx.db, ctx.workspace.id, input);
      if (!preview.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: `fix the template first: ${preview.problems.map((problem) => problem.message).join('; ')}` });
      const { subject, html, text, contact } = preview;
      const message = { channel: 'email' as const, subject, html, text, url: null, contact, config: { subject, html, purpose: 'marketing' as const, whenHeld: 'defer' as const } };
      return sendRenderedTest(ctx.db, ctx.workspace.id, ctx.senders ?? {}, message, { to: input.to, contactId: input.contactId, templateId: input.id });
    }),
} satisfies TRPCRouterRecord;
