import { readUnsubscribeToken, verifyUnsubscribeToken, type UnsubscribeClaim } from '@tend/channels';
import { and, contacts, eq, workspaces, type Database } from '@tend/db';

/** A verified unsubscribe link: who it is for, and the workspace's name for the page. */
export interface LinkClaim extends UnsubscribeClaim {
  workspaceName: string;
}

/**
 * The claim of an unsubscribe link when its signature holds for its workspace and the contact
 * still exists; null otherwise. The caller answers every null the same way, so a probe cannot
 * tell a tampered token from an unknown workspace or an erased contact.
 */
export async function verifiedLink(db: Database, token: string): Promise<LinkClaim | null> {
  const unverified = readUnsubscribeToken(token);
  if (!unverified) return null;
  const [row] = await db
    .select({ name: workspaces.name, secret: workspaces.trackingSecret, contactId: contacts.id })
    .from(workspaces)
    .leftJoin(contacts, and(eq(contacts.id, unverified.contactId), eq(contacts.workspaceId, workspaces.id)))
    .where(eq(workspaces.id, unverified.workspaceId));
  if (!row?.contactId) return null;
  const claim = verifyUnsubscribeToken(token, row.secret);
  return claim ? { ...claim, workspaceName: row.name } : null;
}
