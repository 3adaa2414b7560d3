// Single sign-on through OpenID Connect, against a real provider (oidc-provider) on a loopback
// port: the whole redirect dance over HTTP, a browser's cookies kept for both sides.
import { existsSync } from 'node:fs';
import { eq, memberships, userIdentities, users } from '@tend/db';
import { buildServer, checkHealth, defaultWebDir } from '@tend/server';
import { afterAll, describe } from 'vitest';
import { addMember, callTrpc, type Session } from '../support/accounts.js';
import { chromiumPath, expect, freePort, launchChromium, tendTest, type Tend } from '../support/index.js';
import { startOidcProvider, type ProviderAccount } from '../support/oidc-provider.js';

// The provider must know Tend's redirect URI, and Tend the provider's issuer: Tend's port first.
const tendUrl = `http://127.0.0.1:${await freePort()}`;
const provider = await startOidcProvider({ redirectUri: `${tendUrl}/auth/oidc/callback` });
afterAll(() => provider.stop());

const test = tendTest({
  publicUrl: tendUrl,
  sso: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Okta' },
  // The callback is limited per client address (apps/server/src/http/rate-limits.test.ts): every call here comes from 127.0.0.1.
  rateLimits: { signInPerMinute: 100 },
});

test.beforeAll(async ({ tend }) => {
  // The provider sends the browser back to a real address.
  await tend.app.listen({ host: '127.0.0.1', port: Number(new URL(tendUrl).port) });
});

interface Visit {
  status: number;
  body: string;
  /** Where the last answer redirects to, when the visit stopped there. */
  location: URL | null;
  /** Every URL requested, in order. */
  hops: URL[];
  setCookies: string[];
}

/**
 * A browser without a DOM: follows redirects by hand and keeps cookies per origin, for Tend and
 * for the provider. `stopAt` ends the visit before following a redirect to a matching URL.
 */
function newBrowser() {
  const jar = new Map<string, Map<string, string>>();
  const cookiesOf = (origin: string) => jar.get(origin) ?? jar.set(origin, new Map()).get(origin)!;
  const visit = async (start: string | URL, stopAt: (next: URL) => boolean = () => false): Promise<Visit> => {
    let url = new URL(start);
    const hops: URL[] = [];
    for (;;) {
      hops.push(url);
      const cookie = [...cookiesOf(url.origin)].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      const setCookies = response.headers.getSetCookie();
      for (const line of setCookies) {
        const [pair = '', ...attributes] = line.split(';');
        const name = pair.slice(0, pair.indexOf('=')).trim();
        const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
        if (expired) cookiesOf(url.origin).delete(name);
        else cookiesOf(url.origin).set(name, pair.slice(pair.indexOf('=') + 1).trim());
      }
      const location = response.headers.get('location');
      const body = await response.text();
      if (response.status < 300 || response.status >= 400 || !location) return { status: response.status, body, location: null, hops, setCookies };
      const next = new URL(location, url);
      if (stopAt(next)) return { status: response.status, body, location: next, hops, setCookies };
      if (hops.length > 20) throw new Error(`too many redirects: ${hops.join(' → ')}`);
      url = next;
    }
  };
  /** Tend's session cookies in this browser, as callTrpc sends them. */
  const session = (): Session | null => {
    const cookies = cookiesOf(new URL(tendUrl).origin);
    const token = cookies.get('tend_session');
    const csrf = cookies.get('tend_csrf');
    return token && csrf ? { email: '', cookie: `tend_session=${token}; tend_csrf=${csrf}`, csrf } : null;
  };
  return { visit, session };
}

/** Clicks "Sign in with Okta" as `account` and follows every redirect until Tend sends the browser home. */
async function signInWithSso(account: ProviderAccount | 'deny', browser = newBrowser()) {
  provider.next = account;
  const visit = await browser.visit(`${tendUrl}/auth/oidc/start`, (next) => next.href === `${tendUrl}/`);
  return { ...visit, browser };
}

/** account.me with the browser's session cookie: who Tend says is signed in. */
async function me(tend: Tend, session: Session | null) {
  expect(session, 'no session cookie').not.toBeNull();
  const answer = await callTrpc(tend.app, 'account.me', 'query', {}, { session: session! });
  expect(answer.statusCode, answer.body).toBe(200);
  return (JSON.parse(answer.body) as { result: { data: { id: string; email: string; name: string; hasPassword: boolean; workspaces: { id: string }[] } } }).result.data;
}

test('the sign-in page offers "Sign in with Okta"; the first sign-in makes a user without a workspace, and a session', async ({ tend }) => {
  const options = await tend.app.inject({ url: '/auth/options' });
  expect(options.json()).toEqual({ sso: { name: 'Okta' } });

  const signedIn = await signInWithSso({ sub: 'okta-ada', email: 'Ada@Shop.example', email_verified: true, name: 'Ada Lovelace' });
  expect(signedIn.status, signedIn.body).toBe(302);
  expect(signedIn.location?.href).toBe(`${tendUrl}/`);
  // Tend → the provider's authorization endpoint → its login and consent → Tend's callback.
  const [start, authorize] = signedIn.hops;
  expect(start!.pathname).toBe('/auth/oidc/start');
  expect(authorize!.origin).toBe(provider.issuer);
  expect(Object.fromEntries(authorize!.searchParams)).toMatchObject({
    client_id: provider.clientId,
    redirect_uri: `${tendUrl}/auth/oidc/callback`,
    response_type: 'code',
    code_challenge_method: 'S256',
    scope: 'openid email profile',
  });
  expect(authorize!.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);
  expect(authorize!.searchParams.get('nonce')).toMatch(/^[\w-]{40,}$/);
  expect(signedIn.hops.at(-1)!.pathname).toBe('/auth/oidc/callback');

  const ada = await me(tend, signedIn.browser.session());
  expect(ada).toMatchObject({ email: 'ada@shop.example', name: 'Ada Lovelace', hasPassword: false, workspaces: [] });
  const links = await tend.database.db.select().from(userIdentities).where(eq(userIdentities.userId, ada.id));
  expect(links).toMatchObject([{ issuer: provider.issuer, subject: 'okta-ada' }]);

  // The provider's answer works once: the flow cookie is gone, so a replay is refused.
  const replay = await signedIn.browser.visit(signedIn.hops.at(-1)!);
  expect(replay.status).toBe(400);
  expect(replay.body).toContain('Start it again');
});

test('keeps the sign-in in progress in a short-lived HttpOnly, SameSite=Lax cookie scoped to /auth/oidc', async () => {
  const browser = newBrowser();
  const start = await browser.visit(`${tendUrl}/auth/oidc/start`, () => true);
  expect(start.status).toBe(302);
  expect(start.location?.origin).toBe(provider.issuer);
  const [flow] = start.setCookies.filter((line) => line.startsWith('tend_oidc='));
  expect(flow).toMatch(/; Max-Age=600(;|$)/);
  expect(flow).toMatch(/; Path=\/auth\/oidc(;|$)/);
  expect(flow).toMatch(/; HttpOnly(;|$)/);
  expect(flow).toMatch(/; SameSite=Lax(;|$)/);
});

test('the same provider account signs in as the same user, even after its email changed there', async ({ tend }) => {
  const first = await signInWithSso({ sub: 'okta-bea', email: 'bea@shop.example', email_verified: true });
  const bea = await me(tend, first.browser.session());
  // Another browser, so the provider asks again; the address changed at the provider meanwhile.
  const again = await signInWithSso({ sub: 'okta-bea', email: 'bea.renamed@shop.example', email_verified: true });
  expect(again.status, again.body).toBe(302);
  expect((await me(tend, again.browser.session())).id).toBe(bea.id);
  const [row] = await tend.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'bea.renamed@shop.example'));
  expect(row).toBeUndefined();
});

test('links an existing account when the provider verified its email: the member keeps their workspace', async ({ tend }) => {
  const userId = await addMember(tend, { email: 'cem@shop.example', role: 'marketer', workspaceId: tend.workspace.id });
  const signedIn = await signInWithSso({ sub: 'okta-cem', email: 'CEM@shop.example', email_verified: true });
  expect(signedIn.status, signedIn.body).toBe(302);
  const cem = await me(tend, signedIn.browser.session());
  expect(cem.id).toBe(userId);
  expect(cem.workspaces.map((workspace) => workspace.id)).toEqual([tend.workspace.id]);
  expect(cem.hasPassword).toBe(true);
});

// Linking on an unverified address would hand the account to whoever can register that address
// at the provider. A second user is no way out either: one account per address.
test('refuses to link an existing account when the provider did not verify the email', async ({ tend }) => {
  const userId = await addMember(tend, { email: 'dov@shop.example', role: 'owner', workspaceId: tend.workspace.id });
  const refused = await signInWithSso({ sub: 'okta-impostor', email: 'dov@shop.example', email_verified: false });
  expect(refused.status).toBe(403);
  expect(refused.body).toContain('has not verified that address');
  expect(refused.browser.session()).toBeNull();
  const links = await tend.database.db.select().from(userIdentities).where(eq(userIdentities.subject, 'okta-impostor'));
  expect(links).toEqual([]);
  const owned = await tend.database.db.select().from(memberships).where(eq(memberships.userId, userId));
  expect(owned).toHaveLength(1);
});

test("refuses a provider answer meant for another browser's sign-in (forged or mismatched state)", async () => {
  // The attacker signs in with their own provider account and stops before Tend's callback…
  const attacker = newBrowser();
  provider.next = { sub: 'okta-mallory', email: 'mallory@evil.example', email_verified: true };
  const stolen = await attacker.visit(`${tendUrl}/auth/oidc/start`, (next) => next.pathname === '/auth/oidc/callback');
  expect(stolen.location?.searchParams.get('code')).toBeTruthy();
  // …then gets the victim's browser, which started its own sign-in, to open that callback.
  const victim = newBrowser();
  await victim.visit(`${tendUrl}/auth/oidc/start`, () => true);
  const crossed = await victim.visit(stolen.location!);
  expect(crossed.status).toBe(400);
  expect(crossed.body).toContain('state does not match');
  expect(victim.session()).toBeNull();
  // A browser that started nothing is refused as well.
  const bystander = newBrowser();
  const unasked = await bystander.visit(stolen.location!);
  expect(unasked.status).toBe(400);
  expect(bystander.session()).toBeNull();
});

test('declining consent at the provider signs no one in and says what to do', async () => {
  const declined = await signInWithSso('deny');
  expect(declined.status).toBe(403);
  expect(declined.body).toContain('You did not allow Tend to use your Okta account');
  expect(declined.body).toContain('href="/auth/oidc/start"');
  expect(declined.browser.session()).toBeNull();
});

test('without TEND_OIDC_* there is no single sign-on: /auth/oidc/start answers 404, /auth/options says so', async ({ tend }) => {
  const plain = await buildServer({ db: tend.database.db, temporal: tend.env.client, health: () => checkHealth(tend.database, tend.env.client, 'default') });
  try {
    expect((await plain.inject({ url: '/auth/options' })).json()).toEqual({ sso: null });
    expect((await plain.inject({ url: '/auth/oidc/start' })).statusCode).toBe(404);
    expect((await plain.inject({ url: '/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
  } finally {
    await plain.close();
  }
});

const browserPath = chromiumPath();
// As in console.test.ts: CI has Debian's chromium and must run this; elsewhere it may skip.
describe.runIf(Boolean(browserPath) || process.env.CI === 'true')('in a real browser', () => {
  test('"Sign in with Okta" on the sign-in page brings a new user to "No workspace yet"', async () => {
    if (!browserPath) throw new Error("no chromium: install Debian's chromium or set CHROMIUM_PATH");
    if (!existsSync(defaultWebDir)) throw new Error('the console is not built: run `npm run build -w @tend/web`');
    const browser = await launchChromium(browserPath);
    try {
      const page = await browser.newPage();
      provider.next = { sub: 'okta-eve', email: 'eve@shop.example', email_verified: true };
      await page.goto(`${tendUrl}/#/journeys`);
      await page.getByRole('link', { name: 'Sign in with Okta' }).click();
      await expect.poll(() => page.locator('body').innerText()).toContain('No workspace yet');
      expect(await page.locator('body').innerText()).toContain('eve@shop.example');
    } finally {
      await browser.close();
    }
  });
});
