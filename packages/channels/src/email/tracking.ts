import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where tracking links point (the server's public address) and the workspace's signing secret. */
export interface Tracking {
  baseUrl: string;
  secret: string;
}

/**
 * Adds an open pixel and routes every http(s) link through the click tracker. Each URL is
 * signed with the workspace's secret, so the tracker never redirects to a link we did not send.
 */
export function addTracking(html: string, idempotencyKey: string, tracking: Tracking): string {
  const token = Buffer.from(idempotencyKey).toString('base64url');
  const base = tracking.baseUrl.replace(/\/+$/, '');
  const linked = html.replace(/href="(https?:\/\/[^"]+)"/gi, (_match, url: string) => {
    const target = decodeEntities(url);
    // The contact's own unsubscribe and preference links are not clicks on the offer.
    if (target.startsWith(`${base}/u/`)) return `href="${url}"`;
    const query = new URLSearchParams({ u: target, s: signLink(tracking.secret, token, target) });
    return `href="${base}/t/c/${token}?${escapeAttribute(query.toString())}"`;
  });
  const pixel = `<img src="${base}/t/o/${token}/${signLink(tracking.secret, token, 'open')}.gif" width="1" height="1" alt="" style="display:none">`;
  return /<\/body>/i.test(linked) ? linked.replace(/<\/body>/i, `${pixel}</body>`) : `${linked}${pixel}`;
}

/** The send this tracking token stands for, when its signature holds; null otherwise. */
export function verifyTracking(secret: string, token: string, subject: string, signature: string): string | null {
  const expected = Buffer.from(signLink(secret, token, subject));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Buffer.from(token, 'base64url').toString('utf8');
}

/**
 * The signature of every link Tend puts in an email (tracking, unsubscribe): the workspace's
 * secret over the token and what the link does, so one link's signature opens no other.
 */
export function signLink(secret: string, token: string, subject: string): string {
  return createHmac('sha256', secret).update(`${token}\n${subject}`).digest('base64url').slice(0, 22);
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
