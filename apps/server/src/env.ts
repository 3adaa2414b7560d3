import { channelFields, customNodeFields, databaseFields, httpFields, readEnv, ssoFields, temporalFields } from '@tend/config';
import { z } from 'zod';
import type { SsoSettings } from './auth/oidc-client.js';

export const serverEnvSchema = z.object({
  ...customNodeFields,
  ...databaseFields,
  ...temporalFields,
  ...httpFields,
  ...ssoFields,
  // Publish refuses webhooks to internal addresses unless this names them.
  TEND_FETCH_ALLOW: channelFields.TEND_FETCH_ALLOW,
  // The editor's "Send test" sends through the same providers as the worker (optional here).
  SMTP_URL: channelFields.SMTP_URL,
  SMS_URL: channelFields.SMS_URL,
  // Twilio's auth token also verifies the replies and delivery reports Twilio posts here.
  TWILIO_ACCOUNT_SID: channelFields.TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: channelFields.TWILIO_AUTH_TOKEN,
  TWILIO_FROM: channelFields.TWILIO_FROM,
  TWILIO_MESSAGING_SERVICE_SID: channelFields.TWILIO_MESSAGING_SERVICE_SID,
  TWILIO_BASE_URL: channelFields.TWILIO_BASE_URL,
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Reads and validates the server's configuration once; a bad value stops start-up with its name. */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = readEnv(serverEnvSchema, env);
  ssoSettingsFrom(parsed);
  return parsed;
}

const ssoRequired = ['TEND_OIDC_ISSUER', 'TEND_OIDC_CLIENT_ID', 'TEND_OIDC_CLIENT_SECRET'] as const;

/**
 * Single sign-on's settings, or undefined when none of TEND_OIDC_* is set. Some but not all of
 * the three required ones stop start-up, naming the missing ones: a half-configured SSO would
 * otherwise fail only when someone first clicks the button.
 */
export function ssoSettingsFrom(env: Pick<ServerEnv, (typeof ssoRequired)[number] | 'TEND_OIDC_NAME'>): SsoSettings | undefined {
  const missing = ssoRequired.filter((name) => !env[name]);
  if (missing.length === ssoRequired.length) {
    if (env.TEND_OIDC_NAME) throw new Error(`Invalid configuration:\n  TEND_OIDC_NAME: single sign-on also needs ${ssoRequired.join(', ')}`);
    return undefined;
  }
  if (missing.length > 0) {
    throw new Error(`Invalid configuration:\n${missing.map((name) => `  ${name}: single sign-on needs ${ssoRequired.join(', ')} together; set it too, or unset the others`).join('\n')}`);
  }
  return { issuer: env.TEND_OIDC_ISSUER!, clientId: env.TEND_OIDC_CLIENT_ID!, clientSecret: env.TEND_OIDC_CLIENT_SECRET!, name: env.TEND_OIDC_NAME };
}
