import { timingSafeEqual } from 'node:crypto';
import { signLink } from './tracking.js';

/** What an unsubscribe link stands for: one contact of one workspace, about one message. */
export interface UnsubscribeClaim {
  workspaceId: string;
  contactId: string;
  /** The message's subscription topic; '' for the whole channel (a message without a topic). */
  topic: string;
  /** The message the link came in (its ledger key), kept with the consent change. */
  idempotencyKey: string;
}

// What the signature covers besides the token: an unsubscribe signature is never a tracking one.
const purpose = 'unsubscribe';

/**
 * A link token: the claim, readable (base64url JSON), then the workspace's signature over it,
 * the same HMAC tracking links use. The claim is in the token rather than looked up, so a link
 * keeps working whatever happened to the message's ledger row.
 */
export function unsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  const payload = Buffer.from(JSON.stringify([claim.workspaceId, claim.contactId, claim.topic, claim.idempotencyKey])).toString('base64url');
  return `${payload}.${signLink(secret, payload, purpose)}`;
}

/**
 * The claim a token names, unverified: the server needs its workspace to find the secret that
 * verifies it. Null for anything that is not a token's shape.
 */
export function readUnsubscribeToken(token: string): UnsubscribeClaim | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  try {
    const fields: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(fields) || fields.length !== 4 || !fields.every((field) => typeof field === 'string')) return null;
    const [workspaceId, contactId, topic, idempotencyKey] = fields as [string, string, string, string];
    return { workspaceId, contactId, topic, idempotencyKey };
  } catch {
    return null;
  }
}

/** The claim, when the token is whole and signed with this secret; null otherwise (never why). */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeClaim | null {
  const claim = readUnsubscribeToken(token);
  if (!claim) return null;
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(signLink(secret, payload, purpose));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? claim : null;
}

/** Where a message's links point: the page (GET) that also takes the one-click POST, per RFC 8058. */
export interface UnsubscribeLinks {
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export function unsubscribeLinks(baseUrl: string, token: string): UnsubscribeLinks {
  const base = `${baseUrl.replace(/\/+$/, '')}/u/${token}`;
  return { unsubscribeUrl: base, preferencesUrl: `${base}/preferences` };
}

/**
 * The RFC 8058 headers of a marketing email: a mail client's "Unsubscribe" button POSTs
 * `List-Unsubscribe=One-Click` to the URL, with no page and no further click. No mailto: Tend
 * reads no mailbox, and an address nobody reads would swallow the request.
 */
export function listUnsubscribeHeaders(links: UnsubscribeLinks): Record<string, string> {
  return { 'List-Unsubscribe': `<${links.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
