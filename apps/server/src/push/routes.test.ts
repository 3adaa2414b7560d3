// A shop's page subscribing a browser to web push, through the HTTP app, with keys made as a browser makes them.
import { Script } from 'node:vm';
import { startPushServicePeer, type PushServicePeer } from '@tend/channels/testing';
import { and, contacts, eq, events, pushSubscriptions, workspaces, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { parseFetchAllowlist } from '@tend/journey';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.js';

const workspaceId = 'push-shop';
const auth = `Basic ${Buffer.from('wk-push:').toString('base64')}`;
const shopOrigin = 'https://shop.example';

let database: DatabaseHandle;
let service: PushServicePeer;
let app: FastifyInstance;

beforeAll(async () => {
  [database, service] = await Promise.all([openTestDatabase('pglite'), startPushServicePeer()]);
  await seedWorkspace(database.db, { id: workspaceId, writeKey: 'wk-push' });
  await seedWorkspace(database.db, { id: 'elsewhere', writeKey: 'wk-elsewhere' });
  app = await buildServer({
    db: database.db,
    // Temporal is never reached: no journey runs here, so no merge has runs to end.
    temporal: {} as Client,
    health: async () => ({ ok: true, components: {} as never }),
    // The push service peer is on loopback: allowed as TEND_FETCH_ALLOW would allow it.
    fetchAllowlist: parseFetchAllowlist(['127.0.0.1']),
  });
});

afterAll(async () => {
  await app?.close();
  await service?.stop();
  await database?.close();
});

const post = (payload: object, authorization = auth) =>
  app.inject({ method: 'POST', url: '/v1/push/subscriptions', headers: { authorization, origin: shopOrigin, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140' }, payload });

async function subscriptionAt(endpoint: string) {
  const [row] = await database.db
    .select({ contactId: pushSubscriptions.contactId, userId: contacts.userId, anonymousId: contacts.anonymousId, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth, userAgent: pushSubscriptions.userAgent })
    .from(pushSubscriptions)
    .innerJoin(contacts, eq(contacts.id, pushSubscriptions.contactId))
    .where(eq(pushSubscriptions.endpoint, endpoint));
  return row;
}

describe('GET /v1/push/config', () => {
  it("answers the workspace's VAPID public key, made on first use and kept", async () => {
    const first = await app.inject({ method: 'GET', url: '/v1/push/config', headers: { authorization: auth, origin: shopOrigin } });
    const again = await app.inject({ method: 'GET', url: '/v1/push/config', headers: { authorization: auth } });

    expect(first.statusCode).toBe(200);
    expect(first.headers['access-control-allow-origin']).toBe(shopOrigin);
    const { publicKey } = first.json<{ publicKey: string }>();
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    expect(again.json()).toEqual({ publicKey });
    const [row] = await database.db.select({ key: workspaces.vapidPublicKey }).from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(row!.key).toBe(publicKey);
  });

  it('refuses a call without a known write key, saying how to send it', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/push/config', headers: { authorization: `Basic ${Buffer.from('nope:').toString('base64')}` } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('write key') });
  });
});

describe('POST /v1/push/subscriptions', () => {
  it('stores an anonymous visitor’s browser on an anonymous contact, with its user agent, and records the subscription once', async () => {
    const browser = service.subscribe();
    const call = { anonymousId: 'visitor-1', subscription: { ...browser, expirationTime: null }, userAgent: 'Firefox/140' };

    expect((await post(call)).json()).toEqual({ success: true });
    expect((await post(call)).statusCode).toBe(200);

    expect(await subscriptionAt(browser.endpoint)).toMatchObject({ userId: null, anonymousId: 'visitor-1', ...browser.keys, userAgent: 'Firefox/140' });
    const recorded = await database.db.select().from(events).where(and(eq(events.workspaceId, workspaceId), eq(events.name, 'Push Subscribed')));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.properties).toEqual({ pushService: new URL(service.origin).host });
  });

  it('follows the visitor into the known contact when the page names both ids, and moves a re-subscribed browser to whoever subscribes it now', async () => {
    const ada = await insertContact(database.db, { id: 'ada', workspaceId });
    const bob = await insertContact(database.db, { id: 'bob', workspaceId });
    const browser = service.subscribe();
    await post({ anonymousId: 'visitor-2', subscription: browser });

    // Without a userAgent in the body, the request's own header is kept.
    expect((await post({ userId: 'ada', anonymousId: 'visitor-2', subscription: browser })).statusCode).toBe(200);
    expect(await subscriptionAt(browser.endpoint)).toMatchObject({ contactId: ada, userId: 'ada', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140' });
    const visitors = await database.db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.anonymousId, 'visitor-2')));
    expect(visitors.map((contact) => contact.id)).toEqual([ada]);

    await post({ userId: 'bob', subscription: browser });
    expect(await subscriptionAt(browser.endpoint)).toMatchObject({ contactId: bob });
    expect(await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, browser.endpoint))).toHaveLength(1);
  });

  it('refuses keys that are not what a browser makes, naming the field', async () => {
    const browser = service.subscribe();
    const p256dh = Buffer.from(browser.keys.p256dh, 'base64url');
    const cases: [object, string][] = [
      [{ ...browser.keys, p256dh: p256dh.subarray(0, 64).toString('base64url') }, 'subscription.keys.p256dh: must be 65 bytes once decoded'],
      [{ ...browser.keys, p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url') }, 'subscription.keys.p256dh: is not a point on the P-256 curve'],
      [{ ...browser.keys, p256dh: 'not base64!' }, 'subscription.keys.p256dh: must be base64url'],
      [{ ...browser.keys, auth: Buffer.alloc(8).toString('base64url') }, 'subscription.keys.auth: must be 16 bytes once decoded'],
      [{ p256dh: browser.keys.p256dh }, 'subscription.keys.auth: required'],
    ];
    for (const [keys, message] of cases) {
      const response = await post({ anonymousId: 'visitor-3', subscription: { endpoint: browser.endpoint, keys } });
      expect(response.statusCode, message).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_subscription', message: expect.stringContaining(message) });
      expect(response.headers['access-control-allow-origin']).toBe(shopOrigin);
    }
    expect(await subscriptionAt(browser.endpoint)).toBeUndefined();
  });

  it('takes https push services, and plain http or an internal address only when TEND_FETCH_ALLOW names it', async () => {
    const { keys } = service.subscribe();
    const answer = async (endpoint: string) => (await post({ anonymousId: 'visitor-4', subscription: { endpoint, keys } })).json<{ message?: string }>();

    expect(await answer('https://fcm.googleapis.com/fcm/send/abc123')).toEqual({ success: true });
    expect((await answer('http://push.example/abc')).message).toBe('subscription.endpoint: must be an https URL: push services are served over TLS');
    expect((await answer('https://10.0.0.5/abc')).message).toBe('subscription.endpoint: 10.0.0.5 is a private address: a push service is on the internet (a local one needs its address in TEND_FETCH_ALLOW)');
    expect((await answer('not a url')).message).toMatch(/^subscription\.endpoint: must be the URL PushSubscription\.endpoint gives/);
    expect((await post({ anonymousId: 'visitor-4' })).json()).toMatchObject({ message: expect.stringMatching(/^subscription: required/) });
    expect((await post({ subscription: service.subscribe() })).json()).toMatchObject({ message: 'userId: userId or anonymousId is required' });
  });

  it("refuses a browser another workspace holds, and an unsubscribe does not reach another workspace's browser", async () => {
    const browser = service.subscribe();
    await post({ anonymousId: 'visitor-5', subscription: browser });
    const elsewhere = `Basic ${Buffer.from('wk-elsewhere:').toString('base64')}`;

    const taken = await post({ anonymousId: 'visitor-5', subscription: browser }, elsewhere);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ message: 'subscription.endpoint: this browser is subscribed in another workspace: unsubscribe it there first' });

    const remove = (authorization: string) => app.inject({ method: 'DELETE', url: '/v1/push/subscriptions', headers: { authorization, origin: shopOrigin }, payload: { endpoint: browser.endpoint } });
    expect((await remove(elsewhere)).json()).toEqual({ success: true, removed: 0 });
    expect(await subscriptionAt(browser.endpoint)).toBeDefined();
    expect((await remove(auth)).json()).toEqual({ success: true, removed: 1 });
    expect(await subscriptionAt(browser.endpoint)).toBeUndefined();
  });

  it("answers a page's CORS preflight from another origin, for the methods the script uses", async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/v1/push/subscriptions',
      headers: { origin: shopOrigin, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': shopOrigin,
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
    });
  });
});

describe('the browser scripts', () => {
  it.each(['/push/tend-push.js', '/push/sw.js'])('serves %s as JavaScript any site may load, cached a short while', async (url) => {
    const response = await app.inject({ method: 'GET', url });

    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'cross-origin',
    });
    // Compiles (the browser runs it in e2e/src/channels/web-push.test.ts).
    expect(() => new Script(response.body)).not.toThrow();
  });
});
