import { consoleHeaders } from './console-headers';
import { authFailure, type AuthFailure } from './auth-failure';
import { workspaceStore } from './workspace-store';

export type AuthResult<T> = ({ ok: true } & T) | ({ ok: false } & AuthFailure);

/** The server's sign-in routes (apps/server/src/auth/routes.ts); they are HTTP, not tRPC, to set cookies. */
export function signIn(credentials: { email: string; password: string }): Promise<AuthResult<object>> {
  return postAuth('/auth/sign-in', credentials);
}

export function signOut(): Promise<AuthResult<object>> {
  return postAuth('/auth/sign-out', {});
}

/** Joins the invitation's workspace: as the signed-in user, or with an account's email and password. */
export function acceptInvitation(body: { token: string; email?: string; password?: string; name?: string }): Promise<AuthResult<{ workspaceId: string }>> {
  return postAuth('/auth/invitation', body);
}

async function postAuth<T extends object>(path: string, body: object): Promise<AuthResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...consoleHeaders(document.cookie, workspaceStore.get()) },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false, status: 0, message: `The console cannot reach the server: ${error instanceof Error ? error.message : String(error)}`, retryAt: null };
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) return { ok: false, ...authFailure(response.status, answer, response.headers.get('retry-after'), new Date()) };
  return { ...(answer as T), ok: true };
}
