import { eq, workspaces, type Database } from '@tend/db';

/**
 * Segment's scheme: the write key is the HTTP Basic username, the password empty.
 * Returns the workspace id, or null when the key is missing or unknown.
 */
export async function workspaceForAuthorization(db: Database, header: string | undefined): Promise<string | null> {
  const match = header?.match(/^Basic\s+(.+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const writeKey = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
  if (!writeKey) return null;
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.writeKey, writeKey));
  return workspace?.id ?? null;
}
