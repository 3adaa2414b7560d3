// Baselines for section 5: Temporal's own start and signal paths on the same dev server, with
// as many calls in flight as Tend can make. rawStarts and rawSignals go to a task queue nobody
// polls, so those workflows never run: what is timed is the server accepting the call. The
// bare-worker baselines (rawFirstTasks, rawWakes) are timed until a worker has run them.
import type { Client } from '@temporalio/client';
import { bareTaskQueue, type BareWorker } from './bare-worker.js';
import { runPool } from './pool.js';
import { perSecond } from './stats.js';

export const rawTaskQueue = 'bench-raw';

/**
 * Temporal calls Tend's routing consumer has in flight at most (its default `concurrency`, in
 * packages/routing/src/routing-consumer.ts): the baselines make as many.
 */
export const rawInFlight = 32;

export interface RawRun {
  perSecond: number;
  done: number;
  failures: string[];
}

/** Starts `count` workflows of a type no worker has ("noop") on the unpolled queue. */
export async function rawStarts(client: Client, ids: string[], inFlight: number, deadline: number): Promise<RawRun> {
  return timed(ids, inFlight, deadline, (workflowId) => client.workflow.start('noop', { taskQueue: rawTaskQueue, workflowId }));
}

/** Signals each of those workflows once. */
export async function rawSignals(client: Client, ids: string[], inFlight: number, deadline: number): Promise<RawRun> {
  return timed(ids, inFlight, deadline, (workflowId) => client.workflow.getHandle(workflowId).signal('x'));
}

/**
 * signalWithStart of a bare waiting workflow (benchWaiter) per id, as Tend enrols, timed until
 * the bare worker has run each run's first workflow task (its local activity stamps it).
 */
export async function rawFirstTasks(bare: BareWorker, ids: string[], inFlight: number, deadline: number): Promise<RawRun> {
  const sent = await timed(ids, inFlight, deadline, (workflowId) =>
    bare.client.workflow.signalWithStart('benchWaiter', { taskQueue: bareTaskQueue, workflowId, signal: 'bench-event', signalArgs: ['Cart Started'] }),
  );
  return untilStamped(sent, ids, bare.stamps.firstTask, deadline);
}

/** One "Order Completed" signal to each of those runs, timed until the bare worker has woken and ended each. */
export async function rawWakes(bare: BareWorker, ids: string[], inFlight: number, deadline: number): Promise<RawRun> {
  const sent = await timed(ids, inFlight, deadline, (workflowId) => bare.client.workflow.getHandle(workflowId).signal('bench-event', 'Order Completed'));
  return untilStamped(sent, ids, bare.stamps.finished, deadline);
}

/** Waits (polling the in-process stamps every 10 ms) until every call that went through is stamped; the rate runs from the first call to the last stamp. */
async function untilStamped(sent: RawRun & { began: number }, ids: string[], stamps: Map<string, number>, deadline: number): Promise<RawRun> {
  const stamped = () => ids.filter((id) => stamps.has(id));
  while (stamped().length < sent.done && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  const times = stamped().map((id) => stamps.get(id)!);
  const last = Math.max(...times);
  return { perSecond: perSecond(times.length, last - sent.began), done: times.length, failures: sent.failures };
}

async function timed(ids: string[], inFlight: number, deadline: number, call: (id: string) => Promise<unknown>): Promise<RawRun & { began: number }> {
  const failures: string[] = [];
  let done = 0;
  const began = performance.now();
  await runPool(
    ids.length,
    inFlight,
    async (i) => {
      try {
        await call(ids[i]!);
        done++;
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    },
    deadline,
  );
  return { perSecond: perSecond(done, performance.now() - began), done, failures, began };
}
