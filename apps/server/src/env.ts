import { channelFields, customNodeFields, databaseFields, httpFields, readEnv, temporalFields } from '@tend/config';
import { z } from 'zod';

export const serverEnvSchema = z.object({
  ...customNodeFields,
  ...databaseFields,
  ...temporalFields,
  ...httpFields,
  // Publish refuses webhooks to internal addresses unless this names them.
  TEND_FETCH_ALLOW: channelFields.TEND_FETCH_ALLOW,
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Reads and validates the server's configuration once; a bad value stops start-up with its name. */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return readEnv(serverEnvSchema, env);
}
