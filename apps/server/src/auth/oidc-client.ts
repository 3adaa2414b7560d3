import * as oidc from 'openid-client';

/** Single sign-on through an OpenID Connect provider (TEND_OIDC_*), as plain values. */
export interface SsoSettings {
  /** The provider's issuer URL; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's label ("Sign in with Okta"); "SSO" when unset. */
  name?: string;
}

/** Where the provider sends the browser back to; register it as the client's redirect URI. */
export const callbackPath = '/auth/oidc/callback';

/**
 * The provider's configuration, discovered on first use and kept: the server starts (and
 * password sign-in works) while the provider is unreachable, and a failed discovery is tried
 * again on the next sign-in.
 */
export function providerClient(settings: SsoSettings): () => Promise<oidc.Configuration> {
  let discovered: Promise<oidc.Configuration> | null = null;
  return () => {
    discovered ??= discover(settings).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };
}

function discover(settings: SsoSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  // openid-client refuses plain http; a provider on this machine (a test's) may use it.
  const loopback = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  // HTTP Basic: the client authentication every provider must support (RFC 6749 §2.3.1).
  return oidc.discovery(issuer, settings.clientId, settings.clientSecret, oidc.ClientSecretBasic(settings.clientSecret), {
    timeout: 10,
    ...(loopback ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
}
