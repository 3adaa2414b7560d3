// Baselines for section 4: Temporal's own start and signal paths on the same dev server, with
// as many calls in flight as Tend makes. The workflows go to a task queue nobody polls, so
// they never run: what is timed is the server accepting the call, nothing else.
import type { Client } from '@temporalio/client';
import { runPool } from './pool.js';
import { perSecond } from './stats.js';

export const rawTaskQueue = 'bench-raw';

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

async function timed(ids: string[], inFlight: number, deadline: number, call: (id: string) => Promise<unknown>): Promise<RawRun> {
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
  return { perSecond: perSecond(done, performance.now() - began), done, failures };
}
