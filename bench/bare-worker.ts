// A bare Temporal worker in the bench process, on the same dev server as the Tend being
// measured: the baselines that run a workflow (sections 2 and 5.1–5.2) instead of only
// handing Temporal a call nobody takes up.
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { smtpTransport } from '@tend/channels';
import { bareActivities, type Stamps } from './bare-activities.js';
import type { Cleanup } from './cleanup.js';
import { quietWorkerLogs } from './worker-logs.js';

export const bareTaskQueue = 'bench-bare';
const workflowsPath = fileURLToPath(new URL('./bare-workflows.ts', import.meta.url));

export interface BareWorker {
  client: Client;
  stamps: Stamps;
  stop(): Promise<void>;
}

let bundle: Promise<{ code: string }> | null = null;

/** Starts a worker polling `bench-bare` on `address`; its email activity sends to `smtpUrl` with Tend's transport (nodemailer). */
export async function startBareWorker(options: { address: string; smtpUrl: string; cleanup: Cleanup }): Promise<BareWorker> {
  quietWorkerLogs();
  // Bundled once per bench run (webpack, a few seconds), then reused by every bare worker.
  bundle ??= bundleWorkflowCode({
    workflowsPath,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, extensionAlias: { '.js': ['.ts', '.js'] } } }),
  });
  const stamps: Stamps = { firstTask: new Map(), finished: new Map() };
  const email = smtpTransport(options.smtpUrl);
  const connection = await NativeConnection.connect({ address: options.address });
  const clientConnection = await Connection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    taskQueue: bareTaskQueue,
    workflowBundle: await bundle,
    activities: bareActivities(stamps, email),
  });
  const running = worker.run();
  const stop = options.cleanup.defer(`bare worker on ${options.address}`, async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => {});
    await connection.close();
    await clientConnection.close();
    email.close();
  });
  const client = new Client({ connection: clientConnection });
  await warmUp(client, stamps);
  return { client, stamps, stop };
}

const warmUpRuns = 4;

/** A few runs through start, first task, signal and end before anything is timed: the first ones load the bundle into the worker's V8 context. */
async function warmUp(client: Client, stamps: Stamps): Promise<void> {
  const ids = Array.from({ length: warmUpRuns }, (_, i) => `bench-bare-warm-up-${Date.now().toString(36)}-${i}`);
  const stamped = async (map: Map<string, number>) => {
    const deadline = performance.now() + 60_000;
    while (!ids.every((id) => map.has(id))) {
      if (performance.now() > deadline) throw new Error('the bare worker did not run its warm-up workflows within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  await Promise.all(ids.map((workflowId) => client.workflow.signalWithStart('benchWaiter', { taskQueue: bareTaskQueue, workflowId, signal: 'bench-event', signalArgs: ['Cart Started'] })));
  await stamped(stamps.firstTask);
  await Promise.all(ids.map((workflowId) => client.workflow.getHandle(workflowId).signal('bench-event', 'Order Completed')));
  await stamped(stamps.finished);
}
