import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { ServerDeps } from '../context.js';
import { callbackPath, providerClient, type SsoSettings } from './oidc-client.js';
import { userForIdentity, type ProviderIdentity } from './oidc-users.js';
import { cookieOptions } from './request-context.js';
import { startSession } from './routes.js';

/** The sign-in in progress: PKCE verifier, state and nonce, kept in the browser that started it. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

const flowCookie = 'tend_oidc';
const flowPath = '/auth/oidc';
const flowLifetimeSeconds = 10 * 60;

/**
 * What the console's sign-in page offers (`GET /auth/options`, public), and single sign-on through
 * OpenID Connect when TEND_OIDC_* is set: `/auth/oidc/start` sends the browser to the provider
 * (authorization code with PKCE, state and nonce), `/auth/oidc/callback` checks its answer with
 * openid-client (state, code exchange, ID token signature, issuer, audience, expiry and nonce),
 * then signs in the user the provider account is linked to (see userForIdentity). Without
 * TEND_OIDC_* neither route exists.
 */
export function registerOidcRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const sso = deps.sso;
  app.get('/auth/options', async () => ({ sso: sso ? { name: providerName(sso) } : null }));
  if (!sso) return;
  const client = providerClient(sso);

  app.get('/auth/oidc/start', async (request, reply) => {
    let config: oidc.Configuration;
    try {
      config = await client();
    } catch (error) {
      request.log.error({ err: error }, 'OpenID Connect discovery failed');
      return failure(reply, 502, `Tend could not reach ${providerName(sso)} (${sso.issuer}). Try again in a moment; if it keeps failing, the server's log says why.`);
    }
    const flow: Flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(deps, request),
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    // SameSite=Lax: sent on the provider's top-level redirect back, not on other sites' requests.
    reply.setCookie(flowCookie, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      ...cookieOptions(request, deps, { httpOnly: true, maxAgeSeconds: flowLifetimeSeconds }),
      path: flowPath,
    });
    return reply.redirect(url.href);
  });

  app.get(callbackPath, async (request, reply) => {
    const flow = readFlow(request.cookies[flowCookie]);
    // One answer per start: a replayed or second callback finds no flow.
    reply.clearCookie(flowCookie, { path: flowPath });
    const current = new URL(redirectUri(deps, request));
    current.search = new URL(request.url, current).search;
    if (!flow) return failure(reply, 400, 'This sign-in was started in another browser, or more than 10 minutes ago. Start it again from this browser.');
    // Checked here too (openid-client checks it again) to say plainly what is wrong.
    if (current.searchParams.get('state') !== flow.state) {
      return failure(reply, 400, `This answer from ${providerName(sso)} is not for the sign-in this browser started (its state does not match), so it was refused. Start again.`);
    }

    let identity: ProviderIdentity;
    try {
      const config = await client();
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      // Many providers (Okta, Keycloak) put the email in the userinfo answer, not the ID token.
      const profile = typeof claims.email === 'string' ? claims : await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      identity = {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof profile.email === 'string' ? profile.email : undefined,
        // Some providers send the string "true".
        emailVerified: profile.email_verified === true || profile.email_verified === 'true',
        name: typeof profile.name === 'string' ? profile.name : undefined,
      };
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        if (error.error === 'access_denied') {
          return failure(reply, 403, `You did not allow Tend to use your ${providerName(sso)} account, so you are not signed in. Start again to allow it, or sign in with your email and password.`);
        }
        return failure(reply, 400, `${providerName(sso)} refused the sign-in (${error.error.slice(0, 60)}). Try again, or ask its administrator whether you may use Tend.`);
      }
      request.log.warn({ err: error }, 'OpenID Connect callback refused');
      return failure(reply, 502, `Tend could not complete the sign-in with ${providerName(sso)}: its answer did not check out. Start again; if it happens again, the server's log says why.`);
    }

    const outcome = await userForIdentity(deps.db, identity);
    if (!outcome.ok) return failure(reply, 403, outcome.message);
    if (outcome.how !== 'known') request.log.info({ userId: outcome.userId, issuer: identity.issuer, subject: identity.subject, how: outcome.how }, 'single sign-on account linked');
    await startSession(deps, request, reply, outcome.userId);
    return reply.redirect('/');
  });
}

function providerName(sso: SsoSettings): string {
  return sso.name ?? 'SSO';
}

/** `<TEND_PUBLIC_URL>/auth/oidc/callback`, or on the address the browser used (a Host this server answers to). */
function redirectUri(deps: ServerDeps, request: FastifyRequest): string {
  const base = deps.publicUrl ?? `${request.protocol}://${request.host}`;
  return new URL(callbackPath, base).href;
}

function readFlow(cookie: string | undefined): Flow | null {
  if (!cookie) return null;
  try {
    const flow: unknown = JSON.parse(Buffer.from(cookie, 'base64url').toString());
    const { state, nonce, verifier } = (flow ?? {}) as Partial<Flow>;
    return typeof state === 'string' && typeof nonce === 'string' && typeof verifier === 'string' ? { state, nonce, verifier } : null;
  } catch {
    return null;
  }
}

/** A short page saying what went wrong and what to do; no script, so the CSP holds. */
function failure(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign-in did not work · Tend</title>' +
        '<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">' +
        `<h1>Sign-in did not work</h1><p>${escapeHtml(message)}</p>` +
        '<p><a href="/auth/oidc/start">Start again</a> · <a href="/">Back to the sign-in page</a></p></body></html>',
    );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
