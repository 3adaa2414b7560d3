import { readCookie } from './cookies';

/** The server's names, from apps/server/src/auth (sessions.ts, request-context.ts). */
export const csrfCookie = 'tend_csrf';
export const csrfHeader = 'x-tend-csrf';
export const workspaceHeader = 'x-tend-workspace';

/**
 * The headers every console call carries: the session's CSRF token (the server refuses a
 * cookie-signed change without it) and the workspace the reader chose. A header with nothing to
 * say is left out, so the server falls back to its default (the user's first workspace).
 */
export function consoleHeaders(cookies: string, workspaceId: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  const csrf = readCookie(cookies, csrfCookie);
  if (csrf) headers[csrfHeader] = csrf;
  if (workspaceId) headers[workspaceHeader] = workspaceId;
  return headers;
}
