import type { ScheduledEntryActivities, ScheduledEntryInput } from '@tend/journey/ir';
import { proxyActivities } from '@temporalio/workflow';

// A sweep over many contacts: long, heartbeating, resumable where it stopped.
const { enterScheduled } = proxyActivities<ScheduledEntryActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes' },
});

/** Run by a journey's Temporal Schedule: enters the contacts a schedule or date trigger selects now. */
export async function scheduledEntryWorkflow(input: ScheduledEntryInput): Promise<{ entered: number }> {
  return { entered: await enterScheduled({ ...input, now: Date.now() }) };
}
