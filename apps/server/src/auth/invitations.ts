import { and, eq, gt, invitations, isNull, memberships, newId, users, type Database } from '@tend/db';
import { recordAudit } from '../audit.js';
import { hashPassword, minPasswordLength, verifyPassword } from './passwords.js';
import { hashSecret } from './secrets.js';

export type Acceptance =
  | { ok: true; userId: string; workspaceId: string }
  | { ok: false; status: 400 | 401 | 410; message: string };

/**
 * Joins the invitation's workspace with its role: as the signed-in user, or as the account the
 * email and password name (created when the address has none). A link works once.
 */
export async function acceptInvitation(
  db: Database,
  token: string,
  who: { userId: string } | { email: string; password: string; name?: string },
  now = new Date(),
): Promise<Acceptance> {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashSecret(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
  if (!invitation) return { ok: false, status: 410, message: 'this invitation was used already or has expired: ask for a new one' };

  let userId: string;
  if ('userId' in who) userId = who.userId;
  else {
    const [existing] = await db.select().from(users).where(eq(users.email, who.email));
    if (existing) {
      if (!existing.passwordHash || !(await verifyPassword(who.password, existing.passwordHash))) {
        return { ok: false, status: 401, message: 'that address has an account: enter its password' };
      }
      userId = existing.id;
    } else {
      if (who.password.length < minPasswordLength) return { ok: false, status: 400, message: `password: use at least ${minPasswordLength} characters` };
      userId = newId('usr');
      await db.insert(users).values({ id: userId, email: who.email, name: who.name ?? '', passwordHash: await hashPassword(who.password) });
    }
  }
  await db.transaction(async (tx) => {
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.tokenHash, invitation.tokenHash));
    await tx.insert(memberships).values({ workspaceId: invitation.workspaceId, userId, role: invitation.role }).onConflictDoUpdate({
      target: [memberships.workspaceId, memberships.userId],
      set: { role: invitation.role },
    });
  });
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  await recordAudit(db, { workspaceId: invitation.workspaceId, actor: `user:${userId}`, actorLabel: user!.email, action: 'member.join', target: user!.email, detail: { role: invitation.role } });
  return { ok: true, userId, workspaceId: invitation.workspaceId };
}
