import { and, eq, gt, or, workspaces, type Database } from '@tend/db';

/**
 * Segment's schemes: the write key is the HTTP Basic username (password empty), or the body's
 * `writeKey` (analytics-node v2+ and the browser library send it there, with any Authorization
 * header or none). Returns the workspace id, or null when the key is missing or unknown.
 */
export async function workspaceForAuthorization(db: Database, header: string | undefined, body?: unknown): Promise<string | null> {
  const writeKey = writeKeyOf(header) ?? writeKeyInBody(body);
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

/** Segment's `writeKey` body field, or null. */
export function writeKeyInBody(body: unknown): string | null {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).writeKey : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 320 ? value : null;
}
