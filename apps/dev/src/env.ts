import { configDir, port, readEnv } from '@tend/config';
import { serverEnvSchema } from '@tend/server/env';
import { workerEnvSchema } from '@tend/worker/env';
import { z } from 'zod';

/** The one-command runtime reads what the server and the worker read, plus its local parts. */
const devEnvSchema = serverEnvSchema.extend(workerEnvSchema.shape).extend({
  TEMPORAL_CLI_PATH: z.string().optional(),
  /** Ports of the embedded Temporal dev server and its web UI, and of the dev mail and SMS catchers. */
  TEND_TEMPORAL_PORT: port(7233),
  TEND_TEMPORAL_UI_PORT: port(8233),
  TEND_MAIL_CATCHER_PORT: port(1025),
  TEND_SMS_CATCHER_PORT: port(1026),
});

export type DevEnv = z.infer<typeof devEnvSchema> & {
  /** Where the `tend` CLI keeps its tokens (TEND_CONFIG_DIR, else ~/.config/tend). */
  cliConfigDir: string;
};

export function readDevEnv(env: NodeJS.ProcessEnv = process.env): DevEnv {
  return { ...readEnv(devEnvSchema, env), cliConfigDir: configDir(env) };
}
