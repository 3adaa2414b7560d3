import { channelFields, customNodeFields, databaseFields, readEnv, temporalFields } from '@tend/config';
import { z } from 'zod';

export const workerEnvSchema = z.object({
  ...customNodeFields,
  ...databaseFields,
  ...temporalFields,
  ...channelFields,
  /** A workflow bundle built by `npm run bundle -w @tend/worker`; production workers load it. */
  TEND_WORKFLOW_BUNDLE: z.string().optional(),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

/** Reads and validates the worker's configuration once; a bad value stops start-up with its name. */
export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return readEnv(workerEnvSchema, env);
}
