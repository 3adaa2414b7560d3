import {
  consentHistory,
  listSuppressions,
  messagePolicySchema,
  phoneOf,
  policyOf,
  removeSuppression,
  savePolicy,
  setConsent,
  suppressionsOf,
  type ConsentChannel,
} from '@tend/channels';
import { and, asc, consents, contacts, desc, eq, gte, messages, sql, subscriptionTopics } from '@tend/db';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { journeysUsingTopic } from '../../journeys/journeys-using-topic.js';
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

  /**
   * Removes a topic from the list; contacts' stated consents for it are kept (the audit must not
   * change). A topic a live journey sends under is refused, naming the journeys: change them first.
   */
  removeTopic: workspaceProcedure('admin')
    .input(z.object({ id: topicId }))
    .mutation(async ({ ctx, input }) => {
      const users = await journeysUsingTopic(ctx.db, ctx.workspace.id, input.id);
      if (users.length > 0) {
        const named = users.map((journey) => `"${journey.name}"`).join(', ');
        throw new TRPCError({ code: 'CONFLICT', message: `${named} ${users.length === 1 ? 'sends' : 'send'} under the topic "${input.id}": choose another topic there and publish, or archive ${users.length === 1 ? 'it' : 'them'}, then remove it` });
      }
      const removed = await ctx.db
        .delete(subscriptionTopics)
        .where(and(eq(subscriptionTopics.workspaceId, ctx.workspace.id), eq(subscriptionTopics.id, input.id)))
        .returning({ id: subscriptionTopics.id });
      if (removed.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: `there is no topic "${input.id}"` });
      await ctx.audit({ action: 'topic.remove', target: input.id });
      return { id: input.id };
    }),

  /**
   * A contact's stated subscription states (channel, topic '' = the whole channel), every change
   * oldest first, and the addresses sends would use (email, phone) with their suppression if any.
   */
  contactConsents: workspaceProcedure('analyst')
    .input(z.object({ contactId: z.string().min(1) }))
    .query(async ({ ctx, input }) => {
      const contact = await contactOf(ctx, input.contactId);
      const states = await ctx.db
        .select({ channel: consents.channel, topic: consents.topic, status: consents.status, source: consents.source, updatedAt: consents.updatedAt })
        .from(consents)
        .where(and(eq(consents.workspaceId, ctx.workspace.id), eq(consents.contactId, input.contactId)))
        .orderBy(asc(consents.channel), asc(consents.topic));
      const addresses = addressesOf(contact);
      const known = addresses.flatMap(({ channel, address }) => (address ? [{ channel, address }] : []));
      const suppressed = await suppressionsOf(ctx.db, ctx.workspace.id, known);
      return {
        states,
        history: await consentHistory(ctx.db, ctx.workspace.id, input.contactId),
        addresses: addresses.map((entry) => ({ ...entry, suppression: suppressed[known.findIndex((each) => each.channel === entry.channel)] ?? null })),
      };
    }),

  /**
   * A contact's messages on the send ledger, newest first, with what the policy decided: sent,
   * deferred until when and why, skipped or failed and why. Test sends are left out.
   */
  contactMessages: workspaceProcedure('analyst')
    .input(z.object({ contactId: z.string().min(1), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      await contactOf(ctx, input.contactId);
      return ctx.db
        .select({
          idempotencyKey: messages.idempotencyKey,
          channel: messages.channel,
          recipient: messages.recipient,
          subject: messages.subject,
          body: messages.body,
          journeyId: messages.journeyId,
          nodeId: messages.nodeId,
          purpose: messages.purpose,
          topic: messages.topic,
          status: messages.status,
          reason: messages.reason,
          deferredUntil: messages.deferredUntil,
          attempts: messages.attempts,
          lastError: messages.lastError,
          createdAt: messages.createdAt,
          sentAt: messages.sentAt,
        })
        .from(messages)
        .where(and(eq(messages.workspaceId, ctx.workspace.id), eq(messages.contactId, input.contactId), eq(messages.test, false)))
        .orderBy(desc(messages.createdAt))
        .limit(input.limit);
    }),

  /**
   * The workspace's messages per day (UTC) over the last `days`, oldest first, by what became of
   * them: sent straight away, sent after the policy held them, held now, skipped, failed. Days
   * without messages are zeros. Test sends are left out.
   */
  messagesByDay: workspaceProcedure('analyst')
    .input(z.object({ days: z.number().int().min(1).max(90).default(14) }))
    .query(async ({ ctx, input }) => {
      const days = lastDays(new Date(), input.days);
      const day = sql<string>`to_char(${messages.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
      const rows = await ctx.db
        .select({ day, status: messages.status, held: sql<boolean>`${messages.deferredUntil} is not null`, count: sql<number>`count(*)::int` })
        .from(messages)
        .where(and(eq(messages.workspaceId, ctx.workspace.id), eq(messages.test, false), gte(messages.createdAt, new Date(`${days[0]}T00:00:00Z`))))
        .groupBy(day, messages.status, sql`${messages.deferredUntil} is not null`);
      return dailyCounts(days, rows);
    }),

  /** The workspace's suppressed addresses, newest first; `search` is part of an address. Paged by offset ("Load more"). */
  suppressions: workspaceProcedure('analyst')
    .input(
      z.object({
        channel: channel.optional(),
        search: z.string().trim().max(200).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listSuppressions(ctx.db, ctx.workspace.id, input)),

  /**
   * Lets sends reach a suppressed address again (a mailbox that bounced and was fixed). A
   * contact's unsubscribe is kept in their consent, which this does not change.
   */
  removeSuppression: workspaceProcedure('admin')
    .input(z.object({ channel, address: z.string().trim().min(1, 'name the suppressed address') }))
    .mutation(async ({ ctx, input }) => {
      const removed = await removeSuppression(ctx.db, ctx.workspace.id, input.channel, input.address);
      if (!removed) throw new TRPCError({ code: 'NOT_FOUND', message: `${input.address} is not suppressed on ${input.channel}` });
      await ctx.audit({ action: 'suppression.remove', target: removed.address, detail: { channel: removed.channel, reason: removed.reason, since: removed.createdAt.toISOString() } });
      return { channel: removed.channel, address: removed.address };
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
      const { changed } = await setConsent(ctx.db, { workspaceId: ctx.workspace.id, ...input, source: 'console', detail: { actor: ctx.actor, actorLabel: ctx.actorLabel } });
      if (changed) await ctx.audit({ action: 'consent.set', target: input.contactId, detail: { channel: input.channel, topic: input.topic, status: input.status } });
      return { changed };
    }),
} satisfies TRPCRouterRecord;

async function contactOf(ctx: WorkspaceContext, contactId: string) {
  const [contact] = await ctx.db
    .select({ id: contacts.id, email: contacts.email, traits: contacts.traits })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspace.id), eq(contacts.id, contactId)));
  if (!contact) throw new TRPCError({ code: 'NOT_FOUND', message: `there is no contact "${contactId}" in this workspace` });
  return contact;
}

/**
 * The addresses a send would use, as the senders read them: the email, and the phone trait in
 * E.164 (or why it cannot be, which is why a text is skipped). Push goes to browsers, whose
 * subscriptions are removed rather than suppressed.
 */
function addressesOf(contact: { email: string | null; traits: Record<string, unknown> }): { channel: ConsentChannel; address: string | null; problem: string | null }[] {
  const phone = phoneOf(contact.traits);
  return [
    { channel: 'email', address: contact.email, problem: contact.email ? null : 'the contact has no email address' },
    'phone' in phone ? { channel: 'sms', address: phone.phone, problem: null } : { channel: 'sms', address: null, problem: phone.skip },
  ];
}

/** The last `count` UTC days up to today's, oldest first, as "YYYY-MM-DD". */
export function lastDays(now: Date, count: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, index) => new Date(today - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10));
}

export interface DayOfMessages {
  day: string;
  sent: number;
  /** Sent once the cap or quiet hours allowed it. */
  sentAfterHold: number;
  /** Held by the policy now, until `deferred_until`. */
  deferred: number;
  skipped: number;
  failed: number;
  /** Being tried (a provider not answering yet). */
  sending: number;
}

/** Counts grouped by day, status and whether the policy held the message, onto every one of `days` (zeros where none). */
export function dailyCounts(days: readonly string[], rows: readonly { day: string; status: (typeof messages.status.enumValues)[number]; held: boolean; count: number }[]): DayOfMessages[] {
  const byDay = new Map(days.map((day): [string, DayOfMessages] => [day, { day, sent: 0, sentAfterHold: 0, deferred: 0, skipped: 0, failed: 0, sending: 0 }]));
  for (const row of rows) {
    const counts = byDay.get(row.day);
    if (!counts) continue;
    const count = Number(row.count);
    if (row.status === 'sent' && row.held) counts.sentAfterHold += count;
    else counts[row.status] += count;
  }
  return [...byDay.values()];
}
