import { z } from 'zod';

// Each variable is declared once, here; an app's env.ts picks the groups it reads.

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const databaseFields = {
  /** A Postgres server; without it Tend embeds PGlite under TEND_DATA_DIR. */
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  TEND_DATA_DIR: z.string().default('.tend'),
};

export const temporalFields = {
  /** A Temporal cluster (host:port); without it `npm start` runs a dev server. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
};

export const customNodeFields = {
  /** A module exporting `nodes`: custom action nodes made with defineNode (see packages/sdk). */
  TEND_NODES: z.string().optional(),
};

export const httpFields = {
  PORT: port(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The dev workspace's write key; generated on first start when unset. */
  TEND_WRITE_KEY: z.string().min(8, 'TEND_WRITE_KEY must be at least 8 characters').optional(),
};

export const channelFields = {
  /** The server's public address, for email tracking links (default: http://HOST:PORT in dev). */
  TEND_PUBLIC_URL: z.string().url('TEND_PUBLIC_URL must be the server\'s public http(s) address').optional(),
  SMTP_URL: z.string().url('SMTP_URL must look like smtp://user:pass@host:587').optional(),
  /** An HTTP SMS provider: each message is POSTed as JSON { to, body, idempotencyKey }. */
  SMS_URL: z.string().url('SMS_URL must be the SMS provider\'s http(s) endpoint').optional(),
  /** Web push (VAPID): all three, or none. Generate a pair with `npx web-push generate-vapid-keys`. */
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().optional(),
};
