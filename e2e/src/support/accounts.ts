import { memberships, newId, users, type Role } from '@tend/db';
import { createWorkspace } from '@tend/server';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { scrypt, randomBytes } from 'node:crypto';
import type { TestTend } from './test-tend.js';

/** A browser's credentials after signing in: the cookies it sends and the CSRF token it echoes. */
export interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

/** How a caller presents itself to /trpc: a session (cookie + CSRF), an API token, or nothing. */
export interface Caller {
  session?: Session;
  /** Leave out the CSRF header, as a cross-site request would. */
  withoutCsrf?: boolean;
  bearer?: string;
  workspace?: string;
}

/** A user with a password, member of `workspaceId` with `role` (the workspace is made if missing). */
export async function addMember(tend: TestTend, member: { email: string; role: Role; workspaceId: string; password?: string }): Promise<string> {
  const db = tend.database.db;
  await createWorkspace(db, { id: member.workspaceId, name: member.workspaceId, emailFrom: `Shop <hello@${member.workspaceId}.example>` }).catch(() => undefined);
  const userId = newId('usr');
  await db.insert(users).values({ id: userId, email: member.email.toLowerCase(), passwordHash: await quickHash(member.password ?? 'correct horse battery') });
  await db.insert(memberships).values({ workspaceId: member.workspaceId, userId, role: member.role });
  return userId;
}

/** Signs in through POST /auth/sign-in as the console does, keeping the cookies it sets. */
export async function signIn(app: FastifyInstance, email: string, password = 'correct horse battery'): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} answered ${response.statusCode}: ${response.body}`);
  const cookies = Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
  return { email, cookie: `tend_session=${cookies.tend_session}; tend_csrf=${cookies.tend_csrf}`, csrf: cookies.tend_csrf! };
}

/** One tRPC call over HTTP: a query as GET, a mutation as POST, as the tRPC client sends them. */
export function callTrpc(app: FastifyInstance, path: string, type: 'query' | 'mutation', input: unknown, caller: Caller = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller.session) {
    headers.cookie = caller.session.cookie;
    if (!caller.withoutCsrf) headers['x-tend-csrf'] = caller.session.csrf;
  }
  if (caller.bearer) headers.authorization = `Bearer ${caller.bearer}`;
  if (caller.workspace) headers['x-tend-workspace'] = caller.workspace;
  return type === 'query'
    ? app.inject({ method: 'GET', url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`, headers })
    : app.inject({ method: 'POST', url: `/trpc/${path}`, headers, payload: JSON.stringify(input ?? {}) });
}

/** The server's own format with cheap parameters: tests make many users, the format is what matters. */
function quickHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')),
    ),
  );
}
