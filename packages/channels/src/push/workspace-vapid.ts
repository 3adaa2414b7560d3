import { and, eq, isNull, workspaces, type Database } from '@tend/db';
import webpush from 'web-push';
import type { VapidKeys } from './web-push-transport.js';

/** A fresh VAPID key pair: P-256, base64url, as web-push makes it. */
export function newVapidKeyPair(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}

/**
 * Gives every workspace without a VAPID key pair a fresh one (only `workspaceId` when named);
 * returns how many it gave. A pair once set is never replaced: each browser subscription is bound
 * to the public key it was made with, so a new key would orphan every one of them. The UPDATE
 * takes only a workspace still without keys, so two servers starting at once agree: the first
 * write wins and the other changes nothing.
 */
export async function ensureVapidKeys(db: Database, workspaceId?: string): Promise<number> {
  const withoutKeys = isNull(workspaces.vapidPublicKey);
  const missing = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(workspaceId ? and(eq(workspaces.id, workspaceId), withoutKeys) : withoutKeys);
  let given = 0;
  for (const { id } of missing) {
    const pair = newVapidKeyPair();
    const updated = await db
      .update(workspaces)
      .set({ vapidPublicKey: pair.publicKey, vapidPrivateKey: pair.privateKey })
      .where(and(eq(workspaces.id, id), withoutKeys))
      .returning({ id: workspaces.id });
    given += updated.length;
  }
  return given;
}

/** The workspace's key pair and sender address; a workspace without keys gets them now. */
export async function workspaceVapidKeys(db: Database, workspaceId: string): Promise<{ publicKey: string; privateKey: string; emailFrom: string }> {
  const read = async () => {
    const [row] = await db
      .select({ publicKey: workspaces.vapidPublicKey, privateKey: workspaces.vapidPrivateKey, emailFrom: workspaces.emailFrom })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    if (!row) throw new Error(`no workspace "${workspaceId}"`);
    return row;
  };
  let row = await read();
  if (!row.publicKey || !row.privateKey) {
    await ensureVapidKeys(db, workspaceId);
    row = await read();
  }
  return { publicKey: row.publicKey!, privateKey: row.privateKey!, emailFrom: row.emailFrom };
}

/** The workspace's VAPID identity, as pushes are signed with it. */
export async function workspaceVapid(db: Database, workspaceId: string, options: { publicUrl?: string } = {}): Promise<VapidKeys> {
  const { publicKey, privateKey, emailFrom } = await workspaceVapidKeys(db, workspaceId);
  return { publicKey, privateKey, subject: vapidSubject(emailFrom, options.publicUrl) };
}

/**
 * Whom a push service contacts about this sender (RFC 8292's `sub`): the workspace's sender
 * address as mailto:, else the server's https address.
 */
export function vapidSubject(emailFrom: string, publicUrl?: string): string {
  const address = /<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(emailFrom)?.[1] ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(emailFrom)?.[1];
  if (address) return `mailto:${address}`;
  if (publicUrl?.startsWith('https://')) return publicUrl.replace(/\/+$/, '');
  throw new Error(`web push needs a contact for the push service: give the workspace a sender address (now "${emailFrom}") or set TEND_PUBLIC_URL to an https address`);
}
