import { eq, users } from '@tend/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../context.js';
import { acceptInvitation } from './invitations.js';
import { verifyPassword } from './passwords.js';
import { principalFor } from './principal.js';
import { cookieOptions } from './request-context.js';
import { createSession, csrfCookie, endSession, sessionCookie, sessionLifetimeMs } from './sessions.js';
import { useSignInLink } from './sign-in-links.js';

const invitationBody = z.object({
  token: z.string().min(1, 'token: open the link you were sent'),
  email: z.string().trim().toLowerCase().pipe(z.email('enter your email address')).optional(),
  password: z.string().optional(),
  name: z.string().trim().optional(),
});
const signInBody = z.object({ email: z.string().trim().toLowerCase().pipe(z.email('enter your email address')), password: z.string().min(1, 'enter your password') });

/**
 * The console's sign-in: email and password, or a one-time link. Both end in a session cookie
 * (HttpOnly) and a CSRF cookie the console echoes in a header on every change.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.post('/auth/sign-in', async (request, reply) => {
    const parsed = signInBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: parsed.error.issues.map((issue) => issue.message).join('; ') });
    const [user] = await deps.db.select().from(users).where(eq(users.email, parsed.data.email));
    // The same answer, and a hash computed either way, whether or not the address has an account.
    const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? unusableHash);
    if (!user || !valid) return reply.code(401).send({ error: 'unauthorized', message: 'wrong email or password' });
    await startSession(deps, request, reply, user.id);
    return { ok: true };
  });

  app.get<{ Params: { token: string } }>('/auth/link/:token', async (request, reply) => {
    const userId = await useSignInLink(deps.db, request.params.token);
    if (!userId) return reply.code(410).type('text/plain').send('This sign-in link was used already or has expired. Restart Tend (npm start) for a new one, or sign in with your password.');
    await startSession(deps, request, reply, userId);
    return reply.redirect('/');
  });

  app.post('/auth/invitation', async (request, reply) => {
    const parsed = invitationBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: parsed.error.issues.map((issue) => issue.message).join('; ') });
    const { token, email, password, name } = parsed.data;
    const signedIn = await principalFor(deps.db, { sessionToken: request.cookies[sessionCookie] });
    const who = signedIn?.kind === 'user' ? { userId: signedIn.userId } : email && password ? { email, password, name } : null;
    if (!who) return reply.code(400).send({ error: 'bad_request', message: 'email and password: sign in, or choose a password for your new account' });
    const accepted = await acceptInvitation(deps.db, token, who);
    if (!accepted.ok) return reply.code(accepted.status).send({ error: 'invitation', message: accepted.message });
    if (!signedIn) await startSession(deps, request, reply, accepted.userId);
    return { ok: true, workspaceId: accepted.workspaceId };
  });

  app.post('/auth/sign-out', async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await endSession(deps.db, token);
    reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
    return { ok: true };
  });
}

export async function startSession(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  const session = await createSession(deps.db, userId);
  const maxAgeSeconds = Math.floor(sessionLifetimeMs / 1000);
  reply.setCookie(sessionCookie, session.token, cookieOptions(request, deps, { httpOnly: true, maxAgeSeconds }));
  reply.setCookie(csrfCookie, session.csrf, cookieOptions(request, deps, { httpOnly: false, maxAgeSeconds }));
}

// A valid scrypt hash of a random password: checking against it costs what a real check costs.
const unusableHash = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
