import {
  audienceRefreshScheduleId,
  audienceRefreshWorkflowType,
  journeyTaskQueue,
  type AudienceRefreshInput,
  type AudienceRefreshResult,
} from '@tend/journey/ir';
import { ScheduleAlreadyRunning, WorkflowFailedError, type Client } from '@temporalio/client';

/** How often every workspace's RFM, predicted value and segments are recomputed. */
const refreshEvery = '1 hour';

/**
 * Makes sure the hourly audience refresh is scheduled in Temporal (once for the cluster: a second
 * server finds it there). Contacts whose last order turns 90 days old enter "lapsed" at the next
 * refresh, with no new event of theirs.
 */
export async function ensureAudienceSchedule(temporal: Client): Promise<void> {
  const args: [AudienceRefreshInput] = [{ workspaceId: null }];
  await temporal.schedule
    .create({
      scheduleId: audienceRefreshScheduleId,
      spec: { intervals: [{ every: refreshEvery }] },
      action: { type: 'startWorkflow', workflowType: audienceRefreshWorkflowType, taskQueue: journeyTaskQueue, args },
      policies: { overlap: 'SKIP' },
    })
    .catch((error: unknown) => {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    });
}

/**
 * Recomputes one workspace's audience now (the console's "Recompute"), through the same workflow
 * as the schedule, so it runs on a worker with the worker's retries. Waits for it up to `waitMs`.
 */
export async function refreshAudienceNow(temporal: Client, workspaceId: string, waitMs = 60_000): Promise<{ done: AudienceRefreshResult | null; workflowId: string }> {
  const workflowId = `audience-refresh/${workspaceId}/${Date.now()}`;
  const args: [AudienceRefreshInput] = [{ workspaceId }];
  const handle = await temporal.workflow.start(audienceRefreshWorkflowType, { workflowId, taskQueue: journeyTaskQueue, args });
  const finished = handle.result() as Promise<AudienceRefreshResult[]>;
  finished.catch(() => undefined); // still running when we stop waiting: its failure is the workflow's to report
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref());
  try {
    const results = await Promise.race([finished, timeout]);
    return { done: results?.[0] ?? null, workflowId };
  } catch (error) {
    if (error instanceof WorkflowFailedError) throw new Error(`the audience refresh failed: ${error.cause?.message ?? error.message}`);
    throw error;
  }
}
