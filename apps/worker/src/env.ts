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

/** Reads and validates the worker's configuration once; a bad value stops start-up with its name. */
export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return readEnv(workerEnvSchema, env);
}
