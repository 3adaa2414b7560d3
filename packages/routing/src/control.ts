import { and, enrolments, eq, type Database } from '@tend/db';
import { migrateSignal, moveSignal, pauseSignal, removeSignal, resumeSignal, stopSignal, type MigrateSignal } from '@tend/journey/ir';
import type { Client } from '@temporalio/client';

export type JourneyCommand = { kind: 'pause' } | { kind: 'resume' } | { kind: 'stop' } | { kind: 'migrate'; migrate: MigrateSignal };

/**
 * Tells every contact running in a journey to pause, resume, stop, or move to a new version.
 * Returns how many runs were told. Runs that ended meanwhile are skipped.
 */
export async function commandJourney(db: Database, temporal: Client, workspaceId: string, journeyId: string, command: JourneyCommand): Promise<number> {
  const runs = await db
    .select({ workflowId: enrolments.workflowId })
    .from(enrolments)
    .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.journeyId, journeyId), eq(enrolments.status, 'active')));
  let told = 0;
  for (const run of runs) {
    const handle = temporal.workflow.getHandle(run.workflowId);
    try {
      if (command.kind === 'pause') await handle.signal(pauseSignal);
      else if (command.kind === 'resume') await handle.signal(resumeSignal);
      else if (command.kind === 'stop') await handle.signal(stopSignal);
      else await handle.signal(migrateSignal, command.migrate);
      told++;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return told;
}

/**
 * What a person does to one contact's run, with a reason kept on the contact's trail. `by` names
 * who (a member's email, an API token's name). A move goes to a node of the version the contact
 * runs; the caller checks the node exists there (the run also refuses an unknown one).
 */
export type ContactCommand = { kind: 'remove'; reason: string; by: string } | { kind: 'move'; toNodeId: string; reason: string; by: string };

/**
 * Tells one contact's run in a journey to end, or to move to another node. False when the
 * contact has no active enrolment there (never entered, or its run ended meanwhile).
 */
export async function commandContact(
  db: Database,
  temporal: Client,
  workspaceId: string,
  journeyId: string,
  contactId: string,
  command: ContactCommand,
): Promise<boolean> {
  const [run] = await db
    .select({ workflowId: enrolments.workflowId })
    .from(enrolments)
    .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.journeyId, journeyId), eq(enrolments.contactId, contactId), eq(enrolments.status, 'active')));
  if (!run) return false;
  const handle = temporal.workflow.getHandle(run.workflowId);
  try {
    if (command.kind === 'remove') await handle.signal(removeSignal, { reason: command.reason, by: command.by });
    else await handle.signal(moveSignal, { toNodeId: command.toNodeId, reason: command.reason, by: command.by });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Ends runs by workflow id, each with its reason on the trail: for contacts whose enrolments were
 * already marked stopped in the change that ends them (a merge, an erasure). A run that ended
 * meanwhile is skipped. Returns how many were told.
 */
export async function endRuns(temporal: Client, runs: readonly { workflowId: string; reason: string }[], by: string): Promise<number> {
  let told = 0;
  for (const run of runs) {
    try {
      await temporal.workflow.getHandle(run.workflowId).signal(removeSignal, { reason: run.reason, by });
      told++;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return told;
}

function isNotFound(error: unknown): boolean {
  return (error as { name?: string }).name === 'WorkflowNotFoundError';
}
