/** What the server offers besides a password (`GET /auth/options`, no session needed). */
export interface AuthOptions {
  /** Single sign-on through the team's identity provider, with the button's label ("Okta"); null when not set up. */
  sso: { name: string } | null;
}

export async function fetchAuthOptions(): Promise<AuthOptions> {
  const response = await fetch('/auth/options', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return readAuthOptions(await response.json());
}

/** The answer's shape, checked: an older server or a proxy's page means no SSO button, not a crash. */
export function readAuthOptions(body: unknown): AuthOptions {
  const sso = typeof body === 'object' && body !== null && 'sso' in body ? body.sso : null;
  const name = typeof sso === 'object' && sso !== null && 'name' in sso && typeof sso.name === 'string' ? sso.name.trim() : '';
  return { sso: name ? { name } : null };
}
