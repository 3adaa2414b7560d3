import { and, enrolments, eq, journeyVersions, type Database } from '@tend/db';
import { commandContact, type ContactCommand } from '@tend/routing';
import type { Client } from '@temporalio/client';
import { TRPCError } from '@trpc/server';

export interface ContactInJourney {
  workspaceId: string;
  journeyId: string;
  contactId: string;
}

/**
 * Removes a contact from a journey or moves them to another node of the version they run, by
 * telling their run (which records the reason on their trail). Refused when they are not in the
 * journey now, or the node is not in their version.
 */
export async function commandContactRun(db: Database, temporal: Client, target: ContactInJourney, command: ContactCommand): Promise<void> {
  const [run] = await db
    .select({ version: enrolments.version, currentNode: enrolments.currentNode })
    .from(enrolments)
    .where(and(eq(enrolments.workspaceId, target.workspaceId), eq(enrolments.journeyId, target.journeyId), eq(enrolments.contactId, target.contactId), eq(enrolments.status, 'active')));
  if (!run) throw notInJourney(target);
  if (command.kind === 'move') {
    const [version] = await db
      .select({ ir: journeyVersions.ir })
      .from(journeyVersions)
      .where(and(eq(journeyVersions.workspaceId, target.workspaceId), eq(journeyVersions.journeyId, target.journeyId), eq(journeyVersions.version, run.version)));
    if (!version || !Object.hasOwn(version.ir.nodes, command.toNodeId)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `there is no node "${command.toNodeId}" in version ${run.version} of "${target.journeyId}", which this contact runs: pick a node of that version`,
      });
    }
  }
  if (!(await commandContact(db, temporal, target.workspaceId, target.journeyId, target.contactId, command))) throw notInJourney(target);
}

function notInJourney(target: ContactInJourney): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `contact "${target.contactId}" is not in journey "${target.journeyId}" now (never entered, or their run has ended)` });
}
