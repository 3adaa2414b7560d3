import { and, eq, gt, or, workspaces, type Database } from '@tend/db';

/**
 * Segment's scheme: the write key is the HTTP Basic username, the password empty.
 * Returns the workspace id, or null when the key is missing or unknown.
 */
export async function workspaceForAuthorization(db: Database, header: string | undefined): Promise<string | null> {
  const writeKey = writeKeyOf(header);
  if (!writeKey) return null;
  // The current key, or the previous one during its grace period after a rotation.
  const [workspace] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(or(eq(workspaces.writeKey, writeKey), and(eq(workspaces.previousWriteKey, writeKey), gt(workspaces.previousWriteKeyExpiresAt, new Date()))));
  return workspace?.id ?? null;
}

/** The write key an Authorization header carries as its Basic user, or null. */
export function writeKeyOf(header: string | undefined): string | null {
  const match = header?.match(/^Basic\s+(.+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const writeKey = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
  return writeKey || null;
}
