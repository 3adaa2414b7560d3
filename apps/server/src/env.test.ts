import { describe, expect, it } from 'vitest';
import { readServerEnv, ssoSettingsFrom } from './env.js';

const sso = { TEND_OIDC_ISSUER: 'https://example.okta.com', TEND_OIDC_CLIENT_ID: 'tend', TEND_OIDC_CLIENT_SECRET: 's3cret' };

describe('single sign-on settings (TEND_OIDC_*)', () => {
  it('are off without any of them, and complete with the three', () => {
    expect(readServerEnv({}).TEND_OIDC_ISSUER).toBeUndefined();
    expect(ssoSettingsFrom(readServerEnv({}))).toBeUndefined();
    expect(ssoSettingsFrom(readServerEnv({ ...sso, TEND_OIDC_NAME: ' Okta ' }))).toEqual({ issuer: 'https://example.okta.com', clientId: 'tend', clientSecret: 's3cret', name: 'Okta' });
  });

  it('stop start-up when some are missing, naming each missing one', () => {
    const { TEND_OIDC_CLIENT_SECRET: _secret, ...withoutSecret } = sso;
    expect(() => readServerEnv(withoutSecret)).toThrow(/TEND_OIDC_CLIENT_SECRET: single sign-on needs TEND_OIDC_ISSUER, TEND_OIDC_CLIENT_ID, TEND_OIDC_CLIENT_SECRET together/);
    expect(() => readServerEnv({ TEND_OIDC_ISSUER: sso.TEND_OIDC_ISSUER })).toThrow(/TEND_OIDC_CLIENT_ID[\s\S]*TEND_OIDC_CLIENT_SECRET/);
    expect(() => readServerEnv({ TEND_OIDC_NAME: 'Okta' })).toThrow(/TEND_OIDC_NAME: single sign-on also needs/);
  });

  it('want an https issuer (plain http only on loopback)', () => {
    expect(() => readServerEnv({ ...sso, TEND_OIDC_ISSUER: 'http://idp.example.com' })).toThrow(/TEND_OIDC_ISSUER must be https/);
    expect(ssoSettingsFrom(readServerEnv({ ...sso, TEND_OIDC_ISSUER: 'http://127.0.0.1:9000' }))?.issuer).toBe('http://127.0.0.1:9000');
  });
});
