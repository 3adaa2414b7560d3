import { customNodeFields, databaseFields, httpFields, readEnv, temporalFields } from '@tend/config';
import { z } from 'zod';

export const serverEnvSchema = z.object({ ...customNodeFields, ...databaseFields, ...temporalFields, ...httpFields });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Reads and validates the server's configuration once; a bad value stops start-up with its name. */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return readEnv(serverEnvSchema, env);
}
