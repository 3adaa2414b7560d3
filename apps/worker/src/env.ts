import { channelFields, customNodeFields, databaseFields, readEnv, temporalFields } from '@tend/config';
import { z } from 'zod';

export const workerEnvSchema = z.object({
  ...customNodeFields,
  ...databaseFields,
  ...temporalFields,
  ...channelFields,
  /** A workflow bundle built by `npm run bundle -w @tend/worker`; production workers load it. */
  TEND_WORKFLOW_BUNDLE: z.string().optional(),
  /**
   * Journey runs kept in memory between their steps (about 90 KiB each); a run evicted is
   * replayed from its Temporal history when next woken. Most runs wait for hours or days, so
   * caching more buys little: 500 holds every run moving through its steps at a time.
   */
  TEND_WORKFLOW_CACHE_SIZE: z.coerce.number({ message: 'TEND_WORKFLOW_CACHE_SIZE must be a number of runs' }).int().min(2, 'TEND_WORKFLOW_CACHE_SIZE must be 2 or more').default(500),
  /** Threads that run workflow code, each a V8 isolate of about 65 MiB; more for more cores. */
  TEND_WORKFLOW_THREADS: z.coerce.number({ message: 'TEND_WORKFLOW_THREADS must be a number of threads' }).int().min(1, 'TEND_WORKFLOW_THREADS must be 1 or more').default(1),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

/**
 * The V8 heap, per thread, of the production image's worker (docker/Dockerfile sets it in
 * NODE_OPTIONS; bench 5.5 runs with it). Without a limit, V8 sizes the heap from the machine's
 * memory and collects late: a worker with 100,000 contacts waiting peaked at 554 MiB resident
 * with Node's default, and stayed near 400 MiB with this.
 */
export const productionHeapMiB = 256;

/** Heap per run a workflow thread keeps in memory (measured: 2,300 runs cached took 160 MiB more than 500). */
const cachedRunMiB = 0.09;
/** A workflow thread's heap before any run: the bundle, the SDK, headroom for a workflow task. */
const workflowThreadBaseMiB = 64;

/** Why this worker's heap cannot hold the runs it is told to cache, and what to change; null when it can. */
export function heapShortfall(env: Pick<WorkerEnv, 'TEND_WORKFLOW_CACHE_SIZE' | 'TEND_WORKFLOW_THREADS'>, heapLimitMiB: number): string | null {
  const perThread = Math.ceil(env.TEND_WORKFLOW_CACHE_SIZE / env.TEND_WORKFLOW_THREADS);
  const needed = Math.ceil(workflowThreadBaseMiB + perThread * cachedRunMiB);
  if (needed <= heapLimitMiB) return null;
  return (
    `TEND_WORKFLOW_CACHE_SIZE=${env.TEND_WORKFLOW_CACHE_SIZE} on ${env.TEND_WORKFLOW_THREADS} thread(s) needs about ${needed} MiB of heap per thread, ` +
    `and this worker has ${Math.floor(heapLimitMiB)} MiB: raise --max-old-space-size in NODE_OPTIONS, or lower TEND_WORKFLOW_CACHE_SIZE`
  );
}

/** Reads and validates the worker's configuration once; a bad value stops start-up with its name. */
export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return readEnv(workerEnvSchema, env);
}
