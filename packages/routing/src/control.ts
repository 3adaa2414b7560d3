import { and, enrolments, eq, type Database } from '@tend/db';
import { migrateSignal, pauseSignal, resumeSignal, stopSignal, type MigrateSignal } from '@tend/journey/ir';
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
      if ((error as { name?: string }).name !== 'WorkflowNotFoundError') throw error;
    }
  }
  return told;
}
