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
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)))
    .returning();
  return row ? { kind: 'token', tokenId: row.id, name: row.name, workspaceId: row.workspaceId, role: row.role } : null;
}
