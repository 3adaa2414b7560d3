import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer } from 'node:http';
import webpush from 'web-push';
import type { PushTarget, VapidKeys } from '../push/web-push-transport.js';
import type { PeerReply } from './http-peer.js';

export interface ReceivedPush {
  endpoint: string;
  /** The decrypted payload, as the service worker's `event.data.text()` reads it. */
  text: string;
  json: unknown;
  ttl: number;
  topic: string | null;
  urgency: string | null;
  /** The VAPID token's claims, its signature checked against the key the request carried. */
  vapid: { publicKey: string; subject: string; audience: string; expiresAt: number };
}

export interface PushServicePeer {
  origin: string;
  received: ReceivedPush[];
  /** Requests the service refused (bad VAPID token, undecryptable payload), and why. */
  rejected: string[];
  /** A browser subscribing: fresh P-256 keys and auth secret, and an endpoint on this service. */
  subscribe(): PushTarget;
  /** The browser unsubscribed: pushes to this endpoint are answered 410 Gone. */
  unsubscribe(endpoint: string): void;
  /** Queues answers for the next pushes (e.g. `{ status: 500 }`), used once each; nothing is delivered. */
  reply(...replies: PeerReply[]): void;
  stop(): Promise<void>;
}

interface Browser {
  ecdh: ECDH;
  authSecret: Buffer;
  gone: boolean;
}

/** A VAPID identity for tests; web-push pads the keys to their exact lengths. */
export function generateVapidKeys(subject = 'mailto:push@shop.example'): VapidKeys {
  return { ...webpush.generateVAPIDKeys(), subject };
}

/**
 * A push service on loopback (what Mozilla's autopush or FCM are for a real browser): it holds
 * subscriptions whose keys the test made, checks each push's VAPID signature and decrypts its
 * aes128gcm payload (RFC 8291, written here with node:crypto, independent of web-push's
 * encryption), so tests assert on exactly what the service worker would receive.
 */
export async function startPushServicePeer(): Promise<PushServicePeer> {
  const browsers = new Map<string, Browser>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const queue: PeerReply[] = [];
  let origin = '';
  let messages = 0;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const endpoint = `${origin}${request.url ?? ''}`;
      const browser = browsers.get(endpoint);
      const refuse = (status: number, why: string) => {
        rejected.push(why);
        response.writeHead(status, { 'content-type': 'text/plain' }).end(why);
      };
      if (request.method !== 'POST') return refuse(405, `method ${request.method} not allowed`);
      if (!browser) return response.writeHead(404).end('no such subscription');
      if (browser.gone) return response.writeHead(410).end('subscription expired');
      const reply = queue.shift();
      if (reply) return response.writeHead(reply.status ?? 200, reply.headers).end(reply.text ?? '');
      if (request.headers['content-encoding'] !== 'aes128gcm') return refuse(415, `content-encoding ${request.headers['content-encoding']} is not aes128gcm`);
      let vapid: ReceivedPush['vapid'];
      let text: string;
      try {
        vapid = verifyVapid(request.headers.authorization ?? '', origin);
      } catch (error) {
        return refuse(401, `VAPID: ${(error as Error).message}`);
      }
      try {
        text = decrypt(Buffer.concat(chunks), browser).toString('utf8');
      } catch (error) {
        return refuse(400, `payload: ${(error as Error).message}`);
      }
      received.push({
        endpoint,
        text,
        json: parseJson(text),
        ttl: Number(request.headers.ttl),
        topic: header(request.headers.topic),
        urgency: header(request.headers.urgency),
        vapid,
      });
      response.writeHead(201, { location: `${origin}/messages/${++messages}` }).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    origin,
    received,
    rejected,
    subscribe() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(12).toString('base64url')}`;
      browsers.set(endpoint, { ecdh, authSecret, gone: false });
      return { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') } };
    },
    unsubscribe(endpoint) {
      const browser = browsers.get(endpoint);
      if (browser) browser.gone = true;
    },
    reply: (...replies) => void queue.push(...replies),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** RFC 8291 (key derivation) over RFC 8188 (aes128gcm framing), one record. */
function decrypt(body: Buffer, browser: Browser): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body[20] ?? 0;
  const senderPublicKey = body.subarray(21, 21 + keyIdLength);
  const record = body.subarray(21 + keyIdLength);
  if (keyIdLength !== 65) throw new Error(`the key id is ${keyIdLength} bytes, not a 65-byte P-256 public key`);
  if (record.length > recordSize) throw new Error('more than one record');

  const ecdhSecret = browser.ecdh.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), senderPublicKey]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, browser.authSecret, keyInfo, 32));
  const contentKey = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));

  const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('the record does not end with the last-record delimiter 0x02');
  return padded.subarray(0, end);
}

/** RFC 8292: `Authorization: vapid t=<ES256 JWT>, k=<public key>`. */
function verifyVapid(authorization: string, origin: string): ReceivedPush['vapid'] {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(authorization);
  if (!match) throw new Error(`no "vapid t=…, k=…" authorization: "${authorization}"`);
  const [, token = '', publicKey = ''] = match;
  const [header = '', claims = '', signature = ''] = token.split('.');
  const raw = Buffer.from(publicKey, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not an uncompressed P-256 public key');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  if ((JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg !== 'ES256') throw new Error('the token is not ES256');
  if (!verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) {
    throw new Error('the token signature does not match k');
  }
  const { aud, exp, sub } = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  const now = Date.now() / 1000;
  if (aud !== origin) throw new Error(`aud is ${aud}, not this service's origin ${origin}`);
  if (typeof exp !== 'number' || exp < now || exp > now + 24 * 3600) throw new Error('exp is not within the next 24 hours');
  if (!sub || !/^(mailto:|https:)/.test(sub)) throw new Error('sub is not a mailto: or https: contact');
  return { publicKey, subject: sub, audience: aud, expiresAt: exp };
}

function header(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
