import webpush from 'web-push';
import { SubscriptionGoneError, UndeliverableError } from '../errors.js';
import { excerpt, httpRequest } from '../http.js';
import type { SendRate } from '../rate-limit.js';
import { strictFetch } from '../safe-fetch/guarded-fetch.js';

/** The server's VAPID identity: a P-256 key pair (base64url) and a contact (mailto: or https:). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** Where one browser receives pushes: the PushSubscription its service worker handed over. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushOptions {
  /** How long the push service keeps the message for a device that is offline. */
  ttlSeconds: number;
  /** A pending message with the same topic is replaced, so a repeat never shows twice. */
  topic: string;
}

export interface PushTransport {
  send(target: PushTarget, payload: string, options: PushOptions): Promise<{ providerMessageId: string }>;
}

export interface WebPushOptions {
  /**
   * The endpoint comes from a browser, so this should be a guardedFetch; by default one that
   * refuses every internal address.
   */
  fetch?: typeof fetch;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Pushes a second from this process (PUSH_RATE_LIMIT), shared by every transport given it; default: no limit. */
  rate?: SendRate;
}

/**
 * Web push (RFC 8030) with an aes128gcm-encrypted payload (RFC 8291) and VAPID (RFC 8292).
 * `web-push` builds the request, and fetch sends it: web-push's own sender speaks only https,
 * and fetch gives the same timeout and error handling as every other channel.
 * 404 and 410 mean the browser unsubscribed (SubscriptionGoneError); 400 and 413 a message the
 * service will never take, and an endpoint at an internal address is refused (RefusedTargetError);
 * anything else is retried.
 */
export function webPushTransport(vapid: VapidKeys, options: WebPushOptions = {}): PushTransport {
  const fetchImpl = options.fetch ?? strictFetch();
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(target, payload, { ttlSeconds, topic }) {
      await options.rate?.take();
      const request = webpush.generateRequestDetails(target, payload, {
        vapidDetails: vapid,
        TTL: ttlSeconds,
        topic,
        contentEncoding: 'aes128gcm',
      });
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const answer = await httpRequest(fetchImpl, 'the push service', request.endpoint, {
        method: request.method,
        headers,
        // A plain Uint8Array is a fetch body under both Node's and the DOM's typings (the console type-checks the server's router, which reaches this file).
        body: new Uint8Array(request.body),
        timeoutMs,
      });
      const why = `HTTP ${answer.status}${excerpt(answer.text)}`;
      if (answer.status === 404 || answer.status === 410) throw new SubscriptionGoneError(`the push service no longer knows this subscription (${why})`);
      if (answer.status === 400 || answer.status === 413) throw new UndeliverableError(`the push service refused the message (${why})`);
      if (!answer.ok) throw new Error(`the push service answered ${why}`);
      return { providerMessageId: answer.headers.get('location') ?? '' };
    },
  };
}
