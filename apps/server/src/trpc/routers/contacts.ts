import { and, asc, desc, enrolments, eq, nodeVisits } from '@tend/db';
import { eraseContact, exportContact } from '@tend/audience';
import { positionQuery, type JourneyPosition } from '@tend/journey/ir';
import { endRuns } from '@tend/routing';
import type { Client } from '@temporalio/client';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { audienceFacts } from '../../audience/audience-facts.js';
import { contactListInput, listContacts } from '../../audience/contact-list.js';
import { contactTimeline, findContact } from '../../audience/contact-timeline.js';
import { searchContacts, traitNames } from '../../editor/pickers.js';
import { workspaceProcedure } from '../trpc.js';

export const contactsRouter = {
  /** A contact's profile, the journeys they are in or were in, and where each run is now. */
  get: workspaceProcedure('analyst').input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const contact = await findContact(ctx.db, ctx.workspace.id, input.id);
    if (!contact) throw new TRPCError({ code: 'NOT_FOUND', message: `no contact "${input.id}"` });
    const runs = await ctx.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.workspaceId, ctx.workspace.id), eq(enrolments.contactId, contact.id)))
      .orderBy(desc(enrolments.enteredAt));
    const journeysOfContact = await Promise.all(
      runs.map(async (run) => ({
        journeyId: run.journeyId,
        version: run.version,
        status: run.status,
        enteredAt: run.enteredAt,
        endedAt: run.endedAt,
        position: run.status === 'active' ? await position(ctx.temporal, run.workflowId) : null,
      })),
    );
    return { contact, journeys: journeysOfContact, audience: await audienceFacts(ctx.db, ctx.workspace.id, contact.id) };
  }),

  /** The workspace's contacts, a page at a time, searched and filtered on the server. */
  list: workspaceProcedure('analyst')
    .input(contactListInput)
    .query(({ ctx, input }) => listContacts(ctx.db, ctx.workspace.id, input)),

  /** Everything Tend holds on one contact, as JSON (a data-subject access request). */
  export: workspaceProcedure('admin')
    .input(z.object({ id: z.string() }))
    .query(async ({ ctx, input }) => {
      const contact = await findContact(ctx.db, ctx.workspace.id, input.id);
      const exported = contact ? await exportContact(ctx.db, ctx.workspace.id, contact.id) : null;
      if (!exported) throw new TRPCError({ code: 'NOT_FOUND', message: `no contact "${input.id}"` });
      await ctx.audit({ action: 'contact.export', target: contact!.id });
      return exported;
    }),

  /**
   * Erases a contact (a right-to-erasure request): profile, events and memberships go, and their
   * running journeys are ended. The audit log keeps that an erasure happened, with counts only.
   */
  erase: workspaceProcedure('admin')
    .input(z.object({ id: z.string(), confirm: z.literal(true, { error: 'confirm the erasure: it cannot be undone' }) }))
    .mutation(async ({ ctx, input }) => {
      const contact = await findContact(ctx.db, ctx.workspace.id, input.id);
      const erasure = contact ? await eraseContact(ctx.db, ctx.workspace.id, contact.id, { requestedBy: ctx.actor }) : null;
      if (!erasure) throw new TRPCError({ code: 'NOT_FOUND', message: `no contact "${input.id}"` });
      const ended = await endRuns(ctx.temporal, erasure.endRuns, ctx.actorLabel);
      await ctx.audit({ action: 'contact.erase', target: 'erased', detail: { counts: erasure.counts, journeysEnded: ended } });
      return { counts: erasure.counts, journeysEnded: ended };
    }),

  /** A contact's events, newest first by when they happened. */
  timeline: workspaceProcedure('analyst')
    .input(z.object({ id: z.string(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => contactTimeline(ctx.db, ctx.workspace.id, input.id, input)),

  /** Every node the contact passed through in one journey, oldest first, with what happened. */
  trail: workspaceProcedure('analyst').input(z.object({ id: z.string(), journeyId: z.string() })).query(({ ctx, input }) =>
    ctx.db
      .select()
      .from(nodeVisits)
      .where(and(eq(nodeVisits.workspaceId, ctx.workspace.id), eq(nodeVisits.contactId, input.id), eq(nodeVisits.journeyId, input.journeyId)))
      .orderBy(asc(nodeVisits.at), asc(nodeVisits.id)),
  ),

  /** Contacts whose email, user id or contact id contains `search`, latest first: the preview's sample-contact picker. */
  search: workspaceProcedure('analyst')
    .input(z.object({ search: z.string().max(200).default(''), limit: z.number().int().min(1).max(50).default(20) }))
    .query(({ ctx, input }) => searchContacts(ctx.db, ctx.workspace.id, input.search, input.limit)),

  /** Trait keys of the workspace's contacts, most common first, with an example value: the editor's trait picker. */
  traitNames: workspaceProcedure('analyst').query(({ ctx }) => traitNames(ctx.db, ctx.workspace.id)),
} satisfies TRPCRouterRecord;

async function position(temporal: Client, workflowId: string): Promise<JourneyPosition | null> {
  try {
    return await temporal.workflow.getHandle(workflowId).query<JourneyPosition>(positionQuery);
  } catch {
    return null; // the run ended between the index read and the query
  }
}
