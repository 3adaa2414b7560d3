import { and, eq, gt, isNull, signInLinks, type Database } from '@tend/db';
import { hashSecret, newSecret } from './secrets.js';

export const signInLinkLifetimeMs = 24 * 3600 * 1000;

/** A one-time sign-in link's token (the first start's owner link), valid for a day. */
export async function createSignInLink(db: Database, userId: string, now = new Date()): Promise<string> {
  const token = newSecret('link');
  await db.insert(signInLinks).values({ tokenHash: hashSecret(token), userId, expiresAt: new Date(now.getTime() + signInLinkLifetimeMs) });
  return token;
}

/** Uses a link up: returns its user once, then never again. */
export async function useSignInLink(db: Database, token: string, now = new Date()): Promise<string | null> {
  const [used] = await db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(and(eq(signInLinks.tokenHash, hashSecret(token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)))
    .returning({ userId: signInLinks.userId });
  return used?.userId ?? null;
}
