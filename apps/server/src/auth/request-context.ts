import type { FastifyRequest } from 'fastify';
import type { RequestContext, ServerDeps } from '../context.js';
import { principalFor } from './principal.js';
import { hashSecret, sameHash } from './secrets.js';
import { csrfHeader, sessionCookie } from './sessions.js';

export const workspaceHeader = 'x-tend-workspace';

/** Who is asking, for which workspace, and whether a cookie-signed call proved it is the console's. */
export async function requestContext(deps: ServerDeps, request: FastifyRequest): Promise<RequestContext> {
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
  };
}

/**
 * HttpOnly (unless the console must read it), SameSite=Lax, and Secure behind TLS: when the request
 * came over https, or the public address is https (TLS ended at a proxy in front of Tend).
 */
export function cookieOptions(request: FastifyRequest, deps: Pick<ServerDeps, 'publicUrl'>, options: { httpOnly: boolean; maxAgeSeconds: number }) {
  const secure = request.protocol === 'https' || Boolean(deps.publicUrl?.startsWith('https:'));
  return { path: '/', httpOnly: options.httpOnly, sameSite: 'lax' as const, secure, maxAge: options.maxAgeSeconds };
}
