import { and, eq, workspaceSecrets, type Database } from '@tend/db';
import type { FastifyRequest } from 'fastify';
import { hashSecret, sameHash } from '../auth/secrets.js';

/** The workspace secret (console: Settings → Secrets) a provider's webhook must present. */
export const emailWebhookSecretName = 'EMAIL_WEBHOOK_SECRET';

/**
 * Whether the request carries the workspace's EMAIL_WEBHOOK_SECRET, as `Authorization: Bearer …`
 * or, for providers that cannot set a header (SNS subscribes a bare URL), as `?secret=…`. A
 * workspace without the secret accepts nothing. Compared as hashes, in constant time.
 */
export async function presentsWebhookSecret(db: Database, workspaceId: string, request: FastifyRequest<{ Querystring: { secret?: string } }>): Promise<boolean> {
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? request.query.secret;
  if (!given) return false;
  const [stored] = await db
    .select({ value: workspaceSecrets.value })
    .from(workspaceSecrets)
    .where(and(eq(workspaceSecrets.workspaceId, workspaceId), eq(workspaceSecrets.name, emailWebhookSecretName)));
  return stored ? sameHash(hashSecret(stored.value), hashSecret(given)) : false;
}
