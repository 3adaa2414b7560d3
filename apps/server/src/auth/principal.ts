import type { Database } from '@tend/db';
import { principalForApiToken, type ApiTokenPrincipal } from './api-tokens.js';
import { findSession } from './sessions.js';

/** A person signed in to the console; `session` is set when they came by cookie (CSRF applies). */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  session: { csrfHash: string } | null;
}

/** Who is asking: a signed-in user or an API token. Nothing is readable without one. */
export type Principal = UserPrincipal | ApiTokenPrincipal;

/** Resolves `Authorization: Bearer tk_…` or the session cookie; null for anyone else. */
export async function principalFor(db: Database, credentials: { bearer?: string; sessionToken?: string }): Promise<Principal | null> {
  if (credentials.bearer) return principalForApiToken(db, credentials.bearer);
  if (!credentials.sessionToken) return null;
  const session = await findSession(db, credentials.sessionToken);
  return session ? { kind: 'user', userId: session.userId, email: session.email, session: { csrfHash: session.csrfHash } } : null;
}

/** How the audit log names an actor. */
export function actorOf(principal: Principal): { actor: string; actorLabel: string } {
  return principal.kind === 'user'
    ? { actor: `user:${principal.userId}`, actorLabel: principal.email }
    : { actor: `token:${principal.tokenId}`, actorLabel: `API token "${principal.name}"` };
}
