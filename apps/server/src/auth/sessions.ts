import { and, eq, gt, sessions, users, type Database } from '@tend/db';
import { hashSecret, newSecret } from './secrets.js';

export const sessionCookie = 'tend_session';
/** Readable by the console's script, which echoes it in the x-tend-csrf header of every mutation. */
export const csrfCookie = 'tend_csrf';
export const csrfHeader = 'x-tend-csrf';
export const sessionLifetimeMs = 14 * 24 * 3600 * 1000;

export interface NewSession {
  token: string;
  csrf: string;
  expiresAt: Date;
}

export async function createSession(db: Database, userId: string, now = new Date()): Promise<NewSession> {
  const token = newSecret('ses');
  const csrf = newSecret('csrf');
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await db.insert(sessions).values({ tokenHash: hashSecret(token), userId, csrfHash: hashSecret(csrf), expiresAt });
  return { token, csrf, expiresAt };
}

/** The session a cookie names, with its user, while it has not expired: one query on every console call. */
export async function findSession(db: Database, token: string, now = new Date()): Promise<{ userId: string; email: string; csrfHash: string } | null> {
  const [row] = await db
    .select({ userId: sessions.userId, email: users.email, csrfHash: sessions.csrfHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashSecret(token)), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function endSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
}
