import { createPublicKey } from 'node:crypto';
import { parseFetchAllowlist, refusedHost, type FetchAllowlist } from '@tend/journey';
import { z } from 'zod';
import type { FieldIssue } from '../ingest/parse.js';

/** A browser's subscription as posted by tend-push.js: who subscribed, and PushSubscription.toJSON(). */
export interface SubscriptionBody {
  userId?: unknown;
  anonymousId?: unknown;
  endpoint: string;
  /** Both keys as base64url, however the browser encoded them. */
  p256dh: string;
  auth: string;
  userAgent?: string;
}

const base64 = /^[A-Za-z0-9_+/-]+={0,2}$/;
const noAllowlist = parseFetchAllowlist([]);
export const maxUserAgentLength = 512;

/** A key of the subscription: base64 or base64url (Node reads both), decoded to `bytes` bytes. */
const key = (what: string, bytes: number, check?: (raw: Buffer) => string | undefined) =>
  z.string({ error: `required: ${what}, base64url, as PushSubscription.toJSON() gives it` }).transform((value, context) => {
    const text = value.trim();
    const raw = base64.test(text) ? Buffer.from(text, 'base64') : null;
    const problem = !raw ? `must be base64url (${what}, as PushSubscription.toJSON() gives it)` : raw.length !== bytes ? `must be ${bytes} bytes once decoded (${what}); this one is ${raw.length}` : check?.(raw);
    if (problem) {
      context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return raw!.toString('base64url');
  });

/** An uncompressed P-256 point the payload can be encrypted to. */
function notP256Point(raw: Buffer): string | undefined {
  if (raw[0] !== 4) return 'must be an uncompressed P-256 public key (its first byte 0x04)';
  try {
    createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
    return undefined;
  } catch {
    return 'is not a point on the P-256 curve: send the key the browser gave';
  }
}

/**
 * Where a push service may be: https on the internet. Plain http, or an internal address, only
 * for a push service TEND_FETCH_ALLOW names (a local one in development and tests): pushes to
 * any other internal address would be refused at send anyway.
 */
function endpointProblem(value: string, allowlist: FetchAllowlist): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be the URL PushSubscription.endpoint gives (https://…)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
  const refused = refusedHost(url.hostname, allowlist);
  if (refused) return `${refused}: a push service is on the internet (a local one needs its address in TEND_FETCH_ALLOW)`;
  const allowlistedInternal = refusedHost(url.hostname, noAllowlist) !== undefined;
  if (url.protocol === 'http:' && !allowlistedInternal) return 'must be an https URL: push services are served over TLS';
  return undefined;
}

/** The body's schema; the allowlist (TEND_FETCH_ALLOW) is the server's, read once. */
export function subscriptionBodySchema(allowlist: FetchAllowlist = noAllowlist) {
  return z
    .object({
      userId: z.unknown().optional(),
      anonymousId: z.unknown().optional(),
      subscription: z.object(
        {
          endpoint: z
            .string({ error: 'required: the push service URL, PushSubscription.endpoint' })
            .trim()
            .max(2048, 'must be at most 2048 characters')
            .superRefine((value, context) => {
              const problem = endpointProblem(value, allowlist);
              if (problem) context.addIssue({ code: 'custom', message: problem });
            }),
          keys: z.object(
            {
              p256dh: key("the browser's P-256 public key", 65, notP256Point),
              auth: key("the browser's authentication secret", 16),
            },
            { error: 'required: { p256dh, auth }, as PushSubscription.toJSON() gives them' },
          ),
        },
        { error: 'required: the PushSubscription, as subscription.toJSON() gives it: { endpoint, keys: { p256dh, auth } }' },
      ),
      userAgent: z
        .string()
        .transform((value) => value.slice(0, maxUserAgentLength))
        .optional(),
    })
    .transform(({ userId, anonymousId, subscription, userAgent }): SubscriptionBody => ({
      userId,
      anonymousId,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      userAgent,
    }));
}

/** The endpoint of an unsubscribe (DELETE), the one field it needs. */
export const unsubscribeBodySchema = z.object(
  { endpoint: z.string({ error: 'required: the push service URL of the subscription to remove, PushSubscription.endpoint' }).trim().min(1, 'must not be empty') },
  { error: 'the body must be a JSON object: { endpoint }' },
);

/** zod's issues as ingestion names them: the dotted field, and what is wrong with it. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}
