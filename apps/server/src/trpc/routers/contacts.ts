import { and, asc, contacts, desc, enrolments, eq, nodeVisits, or } from '@tend/db';
import { positionQuery, type JourneyPosition } from '@tend/journey/ir';
import type { Client } from '@temporalio/client';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { searchContacts, traitNames } from '../../editor/pickers.js';
import { workspaceProcedure } from '../trpc.js';

export const contactsRouter = {
  /** A contact's profile, the journeys they are in or were in, and where each run is now. */
  get: workspaceProcedure('analyst').input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const [contact] = await ctx.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspace.id), or(eq(contacts.id, input.id), eq(contacts.userId, input.id))));
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
    return { contact, journeys: journeysOfContact };
  }),

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
