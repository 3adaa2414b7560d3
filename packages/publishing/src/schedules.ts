import type { IrTrigger, JourneyIr } from '@tend/journey/ir';
import { journeyTaskQueue, scheduledEntryWorkflowType } from '@tend/journey/ir';
import { ScheduleNotFoundError, type Client } from '@temporalio/client';

type TimedTrigger = Extract<IrTrigger, { kind: 'schedule' | 'date-attribute' }>;

/** Schedule ids are derived, so publishing again updates the same schedules. */
export function scheduleId(workspaceId: string, journeyId: string, nodeId: string): string {
  return `journey-schedule/${workspaceId}/${journeyId}/${nodeId}`;
}

/**
 * Keeps one Temporal Schedule per timed trigger of the live version: a schedule trigger runs on
 * its cron; a date-attribute trigger sweeps once a day (00:05 in the journey's zone) for
 * contacts whose date comes up. Schedules of triggers that left the journey are deleted;
 * a paused or archived journey's schedules are paused or deleted.
 */
export async function syncSchedules(
  temporal: Client,
  workspaceId: string,
  ir: JourneyIr,
  status: 'active' | 'paused' | 'archived',
  previous: JourneyIr | null,
): Promise<void> {
  const timed = ir.triggers.filter((t): t is TimedTrigger => t.kind === 'schedule' || t.kind === 'date-attribute');
  const keep = new Set(status === 'archived' ? [] : timed.map((t) => t.nodeId));
  const gone = [...(previous?.triggers ?? []), ...timed].filter((t) => (t.kind === 'schedule' || t.kind === 'date-attribute') && !keep.has(t.nodeId));
  for (const trigger of gone) {
    await temporal.schedule
      .getHandle(scheduleId(workspaceId, ir.journeyId, trigger.nodeId))
      .delete()
      .catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
  }
  if (status === 'archived') return;
  for (const trigger of timed) {
    const id = scheduleId(workspaceId, ir.journeyId, trigger.nodeId);
    const spec = trigger.kind === 'schedule' ? { cronExpressions: [trigger.cron], timezone: ir.timeZone } : { cronExpressions: ['5 0 * * *'], timezone: ir.timeZone };
    const action = {
      type: 'startWorkflow' as const,
      workflowType: scheduledEntryWorkflowType,
      taskQueue: journeyTaskQueue,
      args: [{ workspaceId, journeyId: ir.journeyId, triggerNodeId: trigger.nodeId }],
    };
    const handle = temporal.schedule.getHandle(id);
    const exists = await handle.describe().then(
      () => true,
      (error: unknown) => {
        if (error instanceof ScheduleNotFoundError) return false;
        throw error;
      },
    );
    if (exists) await handle.update((previousSchedule) => ({ ...previousSchedule, spec, action, state: { paused: status === 'paused' } }));
    else await temporal.schedule.create({ scheduleId: id, spec, action, state: { paused: status === 'paused' } });
  }
}
