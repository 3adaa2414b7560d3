import { and, apiTokens, eq, isNull, newId, type Database, type Role } from '@tend/db';
import { hashSecret, newSecret } from './secrets.js';

export interface ApiTokenPrincipal {
  kind: 'token';
  tokenId: string;
  name: string;
  workspaceId: string;
  role: Role;
}

/** A new API token; the secret is returned once, only its hash is kept. */
export async function createApiToken(
  db: Database,
  values: { workspaceId: string; name: string; role: Role; createdBy: string },
): Promise<{ id: string; token: string; prefix: string }> {
  const token = newSecret('tk');
  const id = newId('tok');
  const prefix = token.slice(0, 10);
  await db.insert(apiTokens).values({ id, ...values, tokenHash: hashSecret(token), prefix });
  return { id, token, prefix };
}

/** The token's workspace and role, unless it is unknown or revoked. */
export async function principalForApiToken(db: Database, token: string, now = new Date()): Promise<ApiTokenPrincipal | null> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  // "Last used" to the minute: a token polling the API does not write a row on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > lastUsedResolutionMs) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { kind: 'token', tokenId: row.id, name: row.name, workspaceId: row.workspaceId, role: row.role };
}

const lastUsedResolutionMs = 60_000;
