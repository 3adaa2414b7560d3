import { enrolments, sql, type AnyColumn, type Database, type SQL } from '@tend/db';
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
 * is a run that already ended (it finished before this write). Either way the row remembers the
 * event a trigger handed this run (`entry_message_id`): routing that event again, after a
 * consumer crashed before marking it routed, does not enter the contact a second time.
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
      entryMessageId: entry.event.messageId,
    })
    .onConflictDoUpdate({
      target: [enrolments.workspaceId, enrolments.journeyId, enrolments.contactId],
      // A new run replaces the row of one that ended. The run itself may have written its row
      // first (beginEnrolment): then only the event is added.
      set: {
        runKey: unlessReplacing(enrolments.runKey, 'run_key', runId),
        version: unlessReplacing(enrolments.version, 'version', runId),
        status: unlessReplacing(enrolments.status, 'status', runId),
        listensTo: unlessReplacing(enrolments.listensTo, 'listens_to', runId),
        enteredAt: unlessReplacing(enrolments.enteredAt, 'entered_at', runId),
        endedAt: unlessReplacing(enrolments.endedAt, 'ended_at', runId),
        workflowId: unlessReplacing(enrolments.workflowId, 'workflow_id', runId),
        entryMessageId: sql`excluded.entry_message_id`,
      },
      setWhere: sql`(${replacesEndedRun(runId)}) or ${enrolments.runKey} = ${runId}`,
    });
}

/** The row is of a run that ended, and this entry started another. */
function replacesEndedRun(runId: string): SQL {
  return sql`${enrolments.status} <> 'active' and ${enrolments.runKey} <> ${runId}`;
}

/** The entry's value when it replaces an ended run's row, else the row's own. */
function unlessReplacing(column: AnyColumn, name: string, runId: string): SQL {
  return sql`case when ${replacesEndedRun(runId)} then excluded.${sql.identifier(name)} else ${column} end`;
}
