// Workflow code of the bench's bare worker (bare-worker.ts bundles this file): the least a
// Temporal workflow can do on the paths Tend takes, as baselines for sections 2 and 5.
// Workflow code: no Node imports, only @temporalio/workflow and types.
import { condition, defineSignal, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OutgoingEmail } from '@tend/channels';
import type { BareActivities } from './bare-activities.js';

const { firstTask, finished } = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '1 minute' });
const { sendEmail } = proxyActivities<BareActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });

/** The event a waiting run is started with and woken by (signalWithStart, then handle.signal). */
export const benchEvent = defineSignal<[string]>('bench-event');

/**
 * Enrolment and routing baseline: like a journey run, one local activity in the first
 * workflow task (Tend's is beginEnrolment), then wait for "Order Completed" and end.
 */
export async function benchWaiter(): Promise<void> {
  let ordered = false;
  setHandler(benchEvent, (name) => {
    if (name === 'Order Completed') ordered = true;
  });
  const { workflowId } = workflowInfo();
  await firstTask(workflowId);
  await condition(() => ordered);
  await finished(workflowId);
}

/** identify → email baseline: a workflow whose one activity sends the email. */
export async function benchSendEmail(email: OutgoingEmail): Promise<void> {
  await sendEmail(email);
}
