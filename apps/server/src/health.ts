import type { DatabaseHandle } from '@tend/db';
import { journeyTaskQueue } from '@tend/journey/ir';
import type { Client } from '@temporalio/client';

export interface ComponentHealth {
  ok: boolean;
  detail: string;
}

export interface HealthReport {
  ok: boolean;
  components: { db: ComponentHealth; temporal: ComponentHealth; worker: ComponentHealth };
}

/** Checks each component for real: a query, a Temporal RPC, and a worker polling our task queue. */
export async function checkHealth(database: DatabaseHandle, temporal: Client, namespace: string): Promise<HealthReport> {
  const db = await probe(async () => {
    await database.ping();
    return `${database.kind} at ${database.location}`;
  });
  const temporalHealth = await probe(async () => {
    await temporal.workflowService.getSystemInfo({});
    return `connected to ${temporal.options.namespace ?? namespace}`;
  });
  const worker = temporalHealth.ok
    ? await probe(async () => {
        const response = await temporal.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: journeyTaskQueue },
          taskQueueType: 1, // workflow tasks
        });
        const pollers = response.pollers?.length ?? 0;
        if (pollers === 0) throw new Error(`no worker is polling task queue "${journeyTaskQueue}": start apps/worker`);
        return `${pollers} poller(s) on "${journeyTaskQueue}"`;
      })
    : { ok: false, detail: 'unknown until Temporal is reachable' };
  return { ok: db.ok && temporalHealth.ok && worker.ok, components: { db, temporal: temporalHealth, worker } };
}

async function probe(check: () => Promise<string>): Promise<ComponentHealth> {
  try {
    return { ok: true, detail: await check() };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
