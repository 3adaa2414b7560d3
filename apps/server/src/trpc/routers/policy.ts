import { consentHistory, messagePolicySchema, policyOf, savePolicy, setConsent } from '@tend/channels';
import { and, asc, consents, contacts, eq, subscriptionTopics } from '@tend/db';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { workspaceProcedure, type WorkspaceContext } from '../trpc.js';

const topicId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a topic id is lower-case letters, digits and dashes (up to 40), e.g. product-news');
const channel = z.enum(['email', 'sms', 'push']);

/**
 * The message policy (frequency caps, quiet hours, SMS opt-in), the workspace's subscription
 * topics, and a contact's consent with its audit: what the send path's policy step reads.
 */
export const policyRouter = {
  /** The workspace's policy with every default filled in. */
  get: workspaceProcedure('analyst').query(({ ctx }) => policyOf(ctx.db, ctx.workspace.id)),

  /** Replaces the policy; a field that cannot be followed is refused with its path and why. Applies from the next send. */
  save: workspaceProcedure('admin')
    .input(messagePolicySchema)
    .mutation(async ({ ctx, input }) => {
      const policy = await savePolicy(ctx.db, ctx.workspace.id, input);
      await ctx.audit({ action: 'policy.save', target: ctx.workspace.id, detail: { policy } });
      return policy;
    }),

  topics: workspaceProcedure('analyst').query(({ ctx }) =>
    ctx.db.select().from(subscriptionTopics).where(eq(subscriptionTopics.workspaceId, ctx.workspace.id)).orderBy(asc(subscriptionTopics.name)),
  ),

  /** Adds a topic or renames one; its id is what message nodes and consents name, so it never changes. */
  saveTopic: workspaceProcedure('admin')
    .input(z.object({ id: topicId, name: z.string().trim().min(1, 'name the topic').max(80), description: z.string().trim().max(500).default('') }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db
        .insert(subscriptionTopics)
        .values({ workspaceId: ctx.workspace.id, ...input })
        .onConflictDoUpdate({ target: [subscriptionTopics.workspaceId, subscriptionTopics.id], set: { name: input.name, description: input.description } });
      await ctx.audit({ action: 'topic.save', target: input.id, detail: { name: input.name } });
      return input;
    }),

  /** Removes a topic from the list; contacts' stated consents for it are kept (the audit must not change). */
  removeTopic: workspaceProcedure('admin')
    .input(z.object({ id: topicId }))
    .mutation(async ({ ctx, input }) => {
      const removed = await ctx.db
        .delete(subscriptionTopics)
        .where(and(eq(subscriptionTopics.workspaceId, ctx.workspace.id), eq(subscriptionTopics.id, input.id)))
        .returning({ id: subscriptionTopics.id });
      if (removed.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: `there is no topic "${input.id}"` });
      await ctx.audit({ action: 'topic.remove', target: input.id });
      return { id: input.id };
    }),

  /** A contact's stated subscription states (channel, topic '' = the whole channel) and every change, oldest first. */
  contactConsents: workspaceProcedure('analyst')
    .input(z.object({ contactId: z.string().min(1) }))
    .query(async ({ ctx, input }) => {
      await contactOf(ctx, input.contactId);
      const states = await ctx.db
        .select({ channel: consents.channel, topic: consents.topic, status: consents.status, source: consents.source, updatedAt: consents.updatedAt })
        .from(consents)
        .where(and(eq(consents.workspaceId, ctx.workspace.id), eq(consents.contactId, input.contactId)))
        .orderBy(asc(consents.channel), asc(consents.topic));
      return { states, history: await consentHistory(ctx.db, ctx.workspace.id, input.contactId) };
    }),

  /** Sets a contact's consent from the console (source 'console', with who did it, in the consent audit). */
  setConsent: workspaceProcedure('marketer')
    .input(z.object({ contactId: z.string().min(1), channel, topic: z.literal('').or(topicId).default(''), status: z.enum(['subscribed', 'unsubscribed']) }))
    .mutation(async ({ ctx, input }) => {
      await contactOf(ctx, input.contactId);
      if (input.topic) {
        const [topic] = await ctx.db
          .select({ id: subscriptionTopics.id })
          .from(subscriptionTopics)
          .where(and(eq(subscriptionTopics.workspaceId, ctx.workspace.id), eq(subscriptionTopics.id, input.topic)));
        if (!topic) throw new TRPCError({ code: 'NOT_FOUND', message: `there is no topic "${input.topic}": add it first` });
      }
      const { changed } = await setConsent(ctx.db, { workspaceId: ctx.workspace.id, ...input, source: 'console', detail: { actor: ctx.actor } });
      if (changed) await ctx.audit({ action: 'consent.set', target: input.contactId, detail: { channel: input.channel, topic: input.topic, status: input.status } });
      return { changed };
    }),
} satisfies TRPCRouterRecord;

async function contactOf(ctx: WorkspaceContext, contactId: string): Promise<void> {
  const [contact] = await ctx.db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, ctx.workspace.id), eq(contacts.id, contactId)));
  if (!contact) throw new TRPCError({ code: 'NOT_FOUND', message: `there is no contact "${contactId}" in this workspace` });
}
