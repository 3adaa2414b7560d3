import { randomBytes } from 'node:crypto';
import { newVapidKeyPair } from '@tend/channels';
import { and, eq, memberships, newId, users, workspaces, type Database } from '@tend/db';
import { createSignInLink } from './auth/sign-in-links.js';

export const devWorkspaceId = 'dev';
/** The dev workspace's owner: created on first start, signs in through the link Tend prints. */
export const devOwnerEmail = 'owner@tend.local';

export interface Workspace {
  id: string;
  name: string;
  writeKey: string;
  emailFrom: string;
}

export function newWriteKey(): string {
  return `wk_${randomBytes(18).toString('base64url')}`;
}

/** A new workspace with fresh keys (write key, tracking secret, VAPID pair for web push); its creator becomes its owner. */
export async function createWorkspace(db: Database, values: { id: string; name: string; emailFrom: string; writeKey?: string }, ownerId?: string): Promise<Workspace> {
  return db.transaction(async (tx) => {
    const vapid = newVapidKeyPair();
    const [created] = await tx
      .insert(workspaces)
      .values({
        ...values,
        writeKey: values.writeKey ?? newWriteKey(),
        trackingSecret: randomBytes(32).toString('base64url'),
        vapidPublicKey: vapid.publicKey,
        vapidPrivateKey: vapid.privateKey,
      })
      .returning();
    if (ownerId) await tx.insert(memberships).values({ workspaceId: values.id, userId: ownerId, role: 'owner' });
    return created!;
  });
}

/**
 * Creates the dev workspace and its owner on first start. TEND_WRITE_KEY, when given, becomes
 * (or replaces) its write key, so scripts and CI know the key in advance.
 */
export async function ensureDevWorkspace(db: Database, writeKey?: string): Promise<Workspace> {
  const owner = await ensureUser(db, devOwnerEmail, 'Owner');
  const [existing] = await db.select().from(workspaces).where(eq(workspaces.id, devWorkspaceId));
  if (!existing) return createWorkspace(db, { id: devWorkspaceId, name: 'Development', emailFrom: 'Tend <hello@tend.local>', writeKey }, owner);
  // A dev workspace made before accounts existed gets its owner now.
  await db.insert(memberships).values({ workspaceId: devWorkspaceId, userId: owner, role: 'owner' }).onConflictDoNothing();
  if (!writeKey || existing.writeKey === writeKey) return existing;
  const [updated] = await db.update(workspaces).set({ writeKey }).where(eq(workspaces.id, devWorkspaceId)).returning();
  return updated!;
}

/**
 * A one-time link that signs the dev workspace's owner in: what `npm start` prints on every
 * start. With `untilPassword`, none once the owner has chosen a password (a production server
 * prints one only until then, so its logs do not keep handing out the owner's access).
 */
export async function ownerSignInLink(db: Database, publicUrl: string, options: { untilPassword?: boolean } = {}): Promise<string | null> {
  const [owner] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, devWorkspaceId), eq(memberships.role, 'owner')))
    .limit(1);
  if (!owner) throw new Error('the dev workspace has no owner: start the server once to create it');
  if (options.untilPassword && owner.passwordHash) return null;
  return `${publicUrl.replace(/\/$/, '')}/auth/link/${await createSignInLink(db, owner.id)}`;
}

async function ensureUser(db: Database, email: string, name: string): Promise<string> {
  const [user] = await db.insert(users).values({ id: newId('usr'), email, name }).onConflictDoNothing().returning({ id: users.id });
  if (user) return user.id;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return existing!.id;
}
