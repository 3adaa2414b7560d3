import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (`X-Twilio-Signature`): HMAC-SHA1, keyed with the account's auth
 * token, over the full URL Twilio requested followed by each POST parameter's name and value,
 * sorted by name; base64. Twilio signs its webhooks this way; the peer signs the same way.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]>): string {
  const pairs = Object.entries(params)
    .flatMap(([name, value]) => (Array.isArray(value) ? [...value].sort().map((each) => [name, each] as const) : [[name, value] as const]))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signed = url + pairs.map(([name, value]) => name + value).join('');
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/** Whether `signature` is Twilio's for this request, compared in constant time. */
export function verifyTwilioSignature(authToken: string, url: string, params: Record<string, string | string[]>, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
