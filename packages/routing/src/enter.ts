import { enrolments, sql, type Database } from '@tend/db';
import {
  contactEventSignal,
  journeyTaskQueue,
  journeyWorkflowId,
  journeyWorkflowType,
  type ContactEvent,
  type ContactEventSignal,
  type IrTrigger,
  type JourneyWorkflowInput,
} from '@tend/journey/ir';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { LiveJourney } from './live-journeys.js';

export interface Entry {
  workspaceId: string;
  contactId: string;
  journey: LiveJourney;
  trigger: IrTrigger;
  event: ContactEvent;
  /** Epoch ms the walk begins (date and schedule triggers); absent = now. */
  startAt?: number | null;
}

/** routed: the contact entered, or (already in the journey) was signalled the event. */
export type EntryOutcome = 'routed' | 'already-went-through';

/**
 * Enters a contact into a journey with signalWithStart on the (workspace, journey, contact)
 * workflow id. A contact already in the journey gets the event as a signal instead (and
 * restarts there when the journey says so). Re-entry after a run ended is the journey's
 * setting, enforced by Temporal's id-reuse policy; only the cool-down needs the index.
 */
export async function enterJourney(db: Database, temporal: Client, entry: Entry): Promise<EntryOutcome> {
  const { ir } = entry.journey;
  const input: JourneyWorkflowInput = {
    workspaceId: entry.workspaceId,
    contactId: entry.contactId,
    version: entry.journey.version,
    triggerNodeId: entry.trigger.nodeId,
    ir,
    entering: entry.event,
    startAt: entry.startAt ?? null,
  };
  const signal: ContactEventSignal = { event: entry.event, triggerNodeId: entry.trigger.nodeId };
  try {
    const handle = await temporal.workflow.signalWithStart(journeyWorkflowType, {
      workflowId: journeyWorkflowId(entry.workspaceId, ir.journeyId, entry.contactId),
      taskQueue: journeyTaskQueue,
      args: [input],
      signal: contactEventSignal,
      signalArgs: [signal],
      workflowIdReusePolicy: ir.reentry === 'once-ever' ? 'REJECT_DUPLICATE' : 'ALLOW_DUPLICATE',
      memo: { journeyId: ir.journeyId, version: entry.journey.version, contactId: entry.contactId },
    });
    await indexEarly(db, entry, handle.workflowId, handle.signaledRunId);
    return 'routed';
  } catch (error) {
    // A once-ever journey the contact already went through: not entering again is the point.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'already-went-through';
    throw error;
  }
}

/**
 * Puts a just-started run in the routing index at once, so events that arrive before the worker
 * runs its first task (a burst of entries) still reach it. The run's own beginEnrolment stays the
 * authority. An active row is left alone (the contact was already in: this was a signal), and so
 * is a run that already ended (it finished before this write).
 */
async function indexEarly(db: Database, entry: Entry, workflowId: string, runId: string): Promise<void> {
  const { ir, version } = entry.journey;
  await db
    .insert(enrolments)
    .values({
      workspaceId: entry.workspaceId,
      journeyId: ir.journeyId,
      contactId: entry.contactId,
      workflowId,
      runKey: runId,
      version,
      status: 'active',
      listensTo: ir.listensTo,
      enteredAt: new Date(),
    })
    .onConflictDoUpdate({
      target: [enrolments.workspaceId, enrolments.journeyId, enrolments.contactId],
      set: { runKey: runId, version, status: 'active', listensTo: ir.listensTo, enteredAt: new Date(), endedAt: null, workflowId },
      setWhere: sql`${enrolments.status} <> 'active' and ${enrolments.runKey} <> ${runId}`,
    });
}
