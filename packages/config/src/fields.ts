import { z } from 'zod';

// Each variable is declared once, here; an app's env.ts picks the groups it reads.

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const databaseFields = {
  /** A Postgres server; without it Tend embeds PGlite under TEND_DATA_DIR. */
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  TEND_DATA_DIR: z.string().default('.tend'),
};

export const temporalFields = {
  /** A Temporal cluster (host:port); without it `npm start` runs a dev server. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
};

export const customNodeFields = {
  /** A module exporting `nodes`: custom action nodes made with defineNode (see packages/sdk). */
  TEND_NODES: z.string().optional(),
};

/** The server's public address: tracking links point there, and the server answers to its host name. */
const publicUrl = z.string().url('TEND_PUBLIC_URL must be the server\'s public http(s) address').optional();

/** Requests a minute; 0 turns the limit off. */
const perMinute = (name: string, fallback: number) =>
  z.coerce.number({ message: `${name} must be a number of requests a minute (0: no limit)` }).int(`${name} must be a whole number`).min(0, `${name} must be 0 or more`).default(fallback);

const hostName = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(:\d+)?$/i;

export const httpFields = {
  PORT: port(3000),
  HOST: z.string().default('127.0.0.1'),
  TEND_PUBLIC_URL: publicUrl,
  /** More names the server answers to besides TEND_PUBLIC_URL's host, comma-separated (e.g. a proxy's upstream name). */
  TEND_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((name) => name.trim()).filter(Boolean))
    .refine((names) => names.every((name) => hostName.test(name)), 'TEND_ALLOWED_HOSTS must be host names separated by commas, e.g. tend.internal,10.0.0.5'),
  TEND_RATE_LIMIT_INGEST: perMinute('TEND_RATE_LIMIT_INGEST', 6000),
  TEND_RATE_LIMIT_SIGN_IN: perMinute('TEND_RATE_LIMIT_SIGN_IN', 10),
  /** The dev workspace's write key; generated on first start when unset. */
  TEND_WRITE_KEY: z.string().min(8, 'TEND_WRITE_KEY must be at least 8 characters').optional(),
};

/** Messages a second one worker process may send through a provider; unset: no limit of Tend's. */
const perSecond = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a number of messages a second, e.g. 10 or 0.5` })
    .positive(`${name} must be more than 0 (unset it for no limit)`)
    .max(10_000, `${name} must be at most 10000 messages a second`)
    .optional();

/** nodemailer's pool options Tend documents, read from SMTP_URL's query: whole numbers above 0. */
const smtpTuning = ['maxConnections', 'maxMessages', 'rateLimit', 'rateDelta'] as const;

/** What is wrong with SMTP_URL's send-rate and pool options, if anything (nodemailer would ignore a bad value silently). */
function smtpOptionProblems(value: string): string[] {
  if (!URL.canParse(value)) return []; // .url() says so
  const query = new URL(value).searchParams;
  const problems = smtpTuning
    .filter((key) => query.has(key) && !/^[1-9]\d*$/.test(query.get(key)!))
    .map((key) => `SMTP_URL's ${key} must be a whole number above 0, got "${query.get(key)}"`);
  if (query.has('rateLimit') && query.get('pool') === 'false') problems.push("SMTP_URL's rateLimit works only with the pool: remove pool=false");
  if (query.has('rateDelta') && !query.has('rateLimit')) problems.push("SMTP_URL's rateDelta needs rateLimit: at most rateLimit messages every rateDelta ms");
  return problems;
}

export const channelFields = {
  /** Email tracking links point there (default: http://HOST:PORT in dev). */
  TEND_PUBLIC_URL: publicUrl,
  /**
   * The mail provider. Its query tunes nodemailer's pool, per worker process: `maxConnections`
   * (default 5) and the provider's send rate, `rateLimit` messages every `rateDelta` ms (default
   * 1000), e.g. `smtp://user:pass@host:587?rateLimit=10`.
   */
  SMTP_URL: z
    .string()
    .url('SMTP_URL must look like smtp://user:pass@host:587')
    .superRefine((value, context) => {
      for (const message of smtpOptionProblems(value)) context.addIssue({ code: 'custom', message });
    })
    .optional(),
  /** An HTTP SMS provider: each message is POSTed as JSON { to, body, idempotencyKey }. */
  SMS_URL: z.string().url('SMS_URL must be the SMS provider\'s http(s) endpoint').optional(),
  /**
   * Twilio (its Messages API): the account SID and auth token, and a sender (TWILIO_FROM, or a
   * Messaging Service). Set, they take the place of SMS_URL; the auth token also checks the
   * signature of the replies and delivery reports Twilio posts to /webhooks/sms/<workspace>.
   */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-f]{32}$/i, 'TWILIO_ACCOUNT_SID must be the account SID from the Twilio console (AC and 32 hex digits)')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1, 'TWILIO_AUTH_TOKEN must not be empty').optional(),
  /** The sending number in E.164 (+14155550100) or an alphanumeric sender id. */
  TWILIO_FROM: z.string().trim().min(1, 'TWILIO_FROM must not be empty').optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-f]{32}$/i, 'TWILIO_MESSAGING_SERVICE_SID must be a Messaging Service SID (MG and 32 hex digits)')
    .optional(),
  /** Default https://api.twilio.com; a local peer in tests. */
  TWILIO_BASE_URL: z.string().url('TWILIO_BASE_URL must be an http(s) URL, e.g. https://api.twilio.com').optional(),
  /**
   * SMS a second each worker process sends (Twilio or SMS_URL), e.g. 1 for a Twilio long code;
   * divide the provider's rate by the number of workers. Unset: as fast as sends come.
   */
  SMS_RATE_LIMIT: perSecond('SMS_RATE_LIMIT'),
  /** Web pushes a second each worker process sends, all push services together. Unset: no limit. */
  PUSH_RATE_LIMIT: perSecond('PUSH_RATE_LIMIT'),
  /**
   * Internal targets webhooks and web push may reach: comma-separated host names, addresses and
   * CIDR ranges (`127.0.0.1,10.0.0.0/8,crm.internal`). Every other internal address is refused.
   */
  TEND_FETCH_ALLOW: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean)),
};

/** https, or plain http on a loopback address (a provider on this machine, in tests). */
function secureOrLoopback(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

/**
 * Single sign-on through an OpenID Connect provider: the first three together, or none
 * (`ssoSettingsFrom` in apps/server/src/env.ts says which is missing). Register
 * `<TEND_PUBLIC_URL>/auth/oidc/callback` as the client's redirect URI at the provider.
 */
export const ssoFields = {
  TEND_OIDC_ISSUER: z
    .string()
    .url('TEND_OIDC_ISSUER must be the provider\'s issuer URL, e.g. https://example.okta.com')
    .refine(secureOrLoopback, 'TEND_OIDC_ISSUER must be https (plain http only on localhost, for testing)')
    .optional(),
  TEND_OIDC_CLIENT_ID: z.string().trim().min(1, 'TEND_OIDC_CLIENT_ID must not be empty').optional(),
  TEND_OIDC_CLIENT_SECRET: z.string().min(1, 'TEND_OIDC_CLIENT_SECRET must not be empty').optional(),
  /** The sign-in button's label: "Sign in with Okta". */
  TEND_OIDC_NAME: z.string().trim().min(1).max(40, 'TEND_OIDC_NAME must be a short label (at most 40 characters), e.g. Okta').optional(),
};
