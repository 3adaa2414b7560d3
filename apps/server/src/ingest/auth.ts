import { and, eq, gt, or, workspaces, type Database } from '@tend/db';

/**
 * How long a server keeps a write key it has checked. Every ingestion call names its key, and
 * looking it up was one statement in a handful per batch; kept, a busy server asks the database
 * about a key once per this long. A rotation is seen at once by the server it is made on, and
 * within this long by the others (SECURITY.md).
 */
export const writeKeyCacheMs = 5_000;

interface KnownKey {
  workspaceId: string;
  /** performance.now() after which the key is looked up again. */
  until: number;
}

/** Per database handle (a test process may run several Tends): write key → its workspace, for a while. */
const knownKeys = new WeakMap<Database, Map<string, KnownKey>>();

/**
 * Segment's schemes: the write key is the HTTP Basic username (password empty), or the body's
 * `writeKey` (analytics-node v2+ and the browser library send it there, with any Authorization
 * header or none). Returns the workspace id, or null when the key is missing or unknown.
 */
export async function workspaceForAuthorization(db: Database, header: string | undefined, body?: unknown): Promise<string | null> {
  const writeKey = writeKeyOf(header) ?? writeKeyInBody(body);
  if (!writeKey) return null;
  let keys = knownKeys.get(db);
  if (!keys) knownKeys.set(db, (keys = new Map()));
  const known = keys.get(writeKey);
  if (known && known.until > performance.now()) return known.workspaceId;

  // The current key, or the previous one during its grace period after a rotation.
  const now = new Date();
  const [workspace] = await db
    .select({ id: workspaces.id, writeKey: workspaces.writeKey, previousWriteKeyExpiresAt: workspaces.previousWriteKeyExpiresAt })
    .from(workspaces)
    .where(or(eq(workspaces.writeKey, writeKey), and(eq(workspaces.previousWriteKey, writeKey), gt(workspaces.previousWriteKeyExpiresAt, now))));
  if (!workspace) {
    keys.delete(writeKey); // unknown keys are not kept: nothing but a lookup is spent on them
    return null;
  }
  // A previous key is kept no longer than its grace period lasts.
  const graceLeft = workspace.writeKey === writeKey ? Infinity : workspace.previousWriteKeyExpiresAt!.getTime() - now.getTime();
  keys.set(writeKey, { workspaceId: workspace.id, until: performance.now() + Math.min(writeKeyCacheMs, graceLeft) });
  return workspace.id;
}

/** A workspace's keys changed (rotated): this server looks them up again from its next call. */
export function forgetWriteKeys(db: Database, workspaceId: string): void {
  const keys = knownKeys.get(db);
  for (const [writeKey, known] of keys ?? []) if (known.workspaceId === workspaceId) keys!.delete(writeKey);
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
