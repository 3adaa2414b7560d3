import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** The one-command runtime's configuration: the server's and worker's, plus local ports. */
const envSchema = z.object({
  /** The server's public address, for email tracking links (default: http://HOST:PORT in dev). */
  TEND_PUBLIC_URL: z.string().url('TEND_PUBLIC_URL must be the server\'s public http(s) address').optional(),
  /** A module exporting `nodes`: custom action nodes made with defineNode (see packages/sdk). */
  TEND_NODES: z.string().optional(),
  PORT: port(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_CLI_PATH: z.string().optional(),
  /** An HTTP SMS provider: each message is POSTed as JSON { to, body, idempotencyKey }. */
  SMS_URL: z.string().url('SMS_URL must be the SMS provider\'s http(s) endpoint').optional(),
  /** Web push (VAPID): all three, or none. Generate a pair with `npx web-push generate-vapid-keys`. */
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().optional(),
  SMTP_URL: z.string().url('SMTP_URL must look like smtp://user:pass@host:587').optional(),
  TEND_DATA_DIR: z.string().default('.tend'),
  TEND_WRITE_KEY: z.string().min(8, 'TEND_WRITE_KEY must be at least 8 characters').optional(),
  /** Ports of the embedded Temporal dev server and its web UI, and of the dev mail and SMS catchers. */
  TEND_TEMPORAL_PORT: port(7233),
  TEND_TEMPORAL_UI_PORT: port(8233),
  TEND_MAIL_CATCHER_PORT: port(1025),
  TEND_SMS_CATCHER_PORT: port(1026),
});

export type DevEnv = z.infer<typeof envSchema>;

export function readDevEnv(env: NodeJS.ProcessEnv = process.env): DevEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
