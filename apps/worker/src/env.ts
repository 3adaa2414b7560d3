import { z } from 'zod';

const envSchema = z.object({
  /** The server's public address, for email tracking links (default: http://HOST:PORT in dev). */
  TEND_PUBLIC_URL: z.string().url('TEND_PUBLIC_URL must be the server\'s public http(s) address').optional(),
  /** A module exporting `nodes`: custom action nodes made with defineNode (see packages/sdk). */
  TEND_NODES: z.string().optional(),
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /** An HTTP SMS provider: each message is POSTed as JSON { to, body, idempotencyKey }. */
  SMS_URL: z.string().url('SMS_URL must be the SMS provider\'s http(s) endpoint').optional(),
  /** Web push (VAPID): all three, or none. Generate a pair with `npx web-push generate-vapid-keys`. */
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().optional(),
  SMTP_URL: z.string().url('SMTP_URL must look like smtp://user:pass@host:587').optional(),
  /** A workflow bundle built by `npm run bundle -w @tend/worker`; production workers load it. */
  TEND_WORKFLOW_BUNDLE: z.string().optional(),
});

export type WorkerEnv = z.infer<typeof envSchema>;

export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
