import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext, ServerDeps } from '../context.js';
import { principalFor } from './principal.js';
import { hashSecret, sameHash } from './secrets.js';
import { csrfHeader, sessionCookie } from './sessions.js';

export const workspaceHeader = 'x-tend-workspace';

/** Who is asking, for which workspace, and whether a cookie-signed call proved it is the console's. */
export async function requestContext(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply): Promise<RequestContext> {
  const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const principal = await principalFor(deps.db, { bearer, sessionToken: request.cookies[sessionCookie] });
  const csrf = request.headers[csrfHeader];
  const csrfVerified = principal?.kind === 'user' && principal.session !== null && typeof csrf === 'string' && sameHash(hashSecret(csrf), principal.session.csrfHash);
  const workspaceId = request.headers[workspaceHeader];
  return {
    ...deps,
    principal,
    workspaceId: typeof workspaceId === 'string' && workspaceId ? workspaceId : null,
    csrfVerified,
    setCookie: (name, value, options) => void reply.setCookie(name, value, cookieOptions(request, options)),
  };
}

/** HttpOnly (unless the console must read it), SameSite=Lax, Secure behind TLS. */
export function cookieOptions(request: FastifyRequest, options: { httpOnly: boolean; maxAgeSeconds: number }) {
  return { path: '/', httpOnly: options.httpOnly, sameSite: 'lax' as const, secure: request.protocol === 'https', maxAge: options.maxAgeSeconds };
}
