import { z } from 'zod';

const envSchema = z.object({
  /** A module exporting `nodes`: custom action nodes made with defineNode (see packages/sdk). */
  TEND_NODES: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEND_DATA_DIR: z.string().default('.tend'),
  TEND_WRITE_KEY: z.string().min(8, 'TEND_WRITE_KEY must be at least 8 characters').optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

/** Reads and validates the server's configuration once; a bad value stops start-up with its name. */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
