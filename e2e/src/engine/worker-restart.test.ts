import { smtpTransport } from '@tend/channels';
import { messages } from '@tend/db';
import { journeyTaskQueue } from '@tend/journey/ir';
import { createActivities, createJourneyWorker } from '@tend/worker';
import { sourceBundlerOptions } from '@tend/workflows/path';
import { workflowsPath } from '@tend/workflows/path';
import { Worker } from '@temporalio/worker';
import { describe } from 'vitest';
import { email, eventually, expect, journey, settle, sharedWorkflowBundle, test } from '../support/index.js';

async function stopped(worker: Worker, running: Promise<void>): Promise<void> {
  if (worker.getState() === 'RUNNING') worker.shutdown();
  await running;
}

describe('a worker that goes away mid-journey', () => {
  test('shut down between the trigger and the send; time passes; a new worker sends exactly one email', async ({ tend }) => {
    // The file's own worker keeps workflows in its sticky cache, and the time-skipping test
    // server never moves a dead worker's sticky tasks back to the shared queue (a real server
    // does after 10 s). So this test runs its first worker without a cache.
    tend.worker.shutdown();
    while (tend.worker.getState() !== 'STOPPED') await settle(50);
    const transport = smtpTransport(tend.smtp.url);
    const deps = { db: tend.database.db, email: transport, temporal: tend.env.client };
    const first = await Worker.create({
      connection: tend.env.nativeConnection,
      taskQueue: journeyTaskQueue,
      activities: createActivities(deps),
      workflowsPath,
      bundlerOptions: sourceBundlerOptions,
      maxCachedWorkflows: 0,
    });
    const firstRunning = first.run();
    let second: { worker: Worker; running: Promise<void> } | null = null;
    try {
      await tend.publish(
        journey('crash', {
          nodes: { go: ['trigger.event', { event: 'crash go' }], wait: ['wait', { amount: 1, unit: 'hours' }], mail: email('Sent after the restart'), done: ['exit'] },
          edges: ['go -> wait', 'wait -> mail', 'mail -> done'],
        }),
      );
      await tend.identify('crash', { email: 'crash@example.com' });
      await tend.track('crash', 'crash go');
      await eventually(async () => (await tend.position('crash', 'crash').catch(() => null))?.status === 'waiting', 'the wait');

      await stopped(first, firstRunning);
      // The wait ends while no worker runs: the workflow task waits for one (and holds test time).
      const skipping = tend.sleep('3 hours');
      await settle(1_500);
      expect(tend.mailTo('crash@example.com')).toEqual([]);

      const worker = await createJourneyWorker({ connection: tend.env.nativeConnection, ...deps, workflowBundlePath: await sharedWorkflowBundle() });
      second = { worker, running: worker.run() };
      await skipping;
      await tend.waitForMail('crash@example.com', 1);
      await eventually(async () => (await tend.enrolment('crash', 'crash'))?.status === 'completed', 'the run to complete');
      await settle(1_000);
      expect(tend.mailTo('crash@example.com').map((mail) => mail.subject)).toEqual(['Sent after the restart']);
      const ledger = (await tend.database.db.select().from(messages)).filter((row) => row.recipient === 'crash@example.com');
      expect(ledger).toMatchObject([{ status: 'sent', attempts: 1 }]);
    } finally {
      await stopped(first, firstRunning);
      if (second) await stopped(second.worker, second.running);
      transport.close();
    }
  }, 90_000);
});
