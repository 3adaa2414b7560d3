import { and, eq, newId, userIdentities, users, type Database } from '@tend/db';
import { z } from 'zod';

/** What the provider vouched for: (issuer, subject) names the person for good; the email may change. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email?: string;
  /** The provider's `email_verified` claim: only `true` counts. */
  emailVerified: boolean;
  name?: string;
}

export type IdentityOutcome =
  | { ok: true; userId: string; how: 'known' | 'linked' | 'created' }
  | { ok: false; message: string };

const emailSchema = z.string().trim().toLowerCase().pipe(z.email());

/**
 * The Tend user a provider account signs in as. An account signed in before is its linked user.
 * The first time: the user with the same email, linked only when the provider says it verified
 * the address (else anyone who can register that address at the provider would take the account
 * over); a new user without a password when no one has the email. A new user belongs to no
 * workspace: they create one or open an invitation link.
 */
export async function userForIdentity(db: Database, identity: ProviderIdentity): Promise<IdentityOutcome> {
  const known = await linkedUser(db, identity);
  if (known) return { ok: true, userId: known, how: 'known' };

  const email = emailSchema.safeParse(identity.email ?? '');
  if (!email.success) {
    return { ok: false, message: 'Your identity provider did not share an email address with Tend. Ask its administrator to release the "email" claim to this application.' };
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.data));
  if (existing && !identity.emailVerified) {
    return {
      ok: false,
      message: `Tend has an account for ${email.data}, but your identity provider has not verified that address, so Tend cannot tell it is yours. Sign in with that account's password instead, or ask the provider's administrator to verify the address.`,
    };
  }
  return db.transaction(async (tx) => {
    const userId = existing?.id ?? newId('usr');
    if (!existing) await tx.insert(users).values({ id: userId, email: email.data, name: identity.name?.trim() ?? '' });
    // A second callback racing this one links the same account: the first link stands.
    await tx.insert(userIdentities).values({ issuer: identity.issuer, subject: identity.subject, userId }).onConflictDoNothing();
    const linked = await linkedUser(tx, identity);
    return { ok: true as const, userId: linked ?? userId, how: existing ? ('linked' as const) : ('created' as const) };
  });
}

async function linkedUser(db: Pick<Database, 'select'>, identity: { issuer: string; subject: string }): Promise<string | null> {
  const [row] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)));
  return row?.userId ?? null;
}
