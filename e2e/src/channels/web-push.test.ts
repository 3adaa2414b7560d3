// Web push from the shop's page to the visitor's notification: a browser subscribes through
// /v1/push/subscriptions, a journey pushes to it, and the push service peer decrypts what the
// service worker would receive, signed with the workspace's own VAPID key. In chromium, the
// page's tend-push.js and the service worker's /push/sw.js run for real.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPushServicePeer, type PushServicePeer } from '@tend/channels/testing';
import { eq, messages, pushSubscriptions, sql } from '@tend/db';
import type { PushTarget } from '@tend/channels';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { describe } from 'vitest';
import { chromiumPath, eventually, expect, journey, launchChromium, tendTest, type Tend } from '../support/index.js';

// The push service peer listens on loopback: allowed to the worker as TEND_FETCH_ALLOW allows it.
const test = tendTest({ fetchAllow: ['127.0.0.1'] });

const cartJourney = journey('push-cart', {
  nodes: {
    abandoned: ['trigger.event', { event: 'Cart Abandoned' }],
    nudge: ['send-push', { title: 'Still thinking, {{ contact.firstName | default: "friend" }}?', body: 'Your {{ event.properties.item }} is waiting.', url: 'https://shop.example/cart' }],
    done: ['exit'],
  },
  edges: ['abandoned -> nudge', 'nudge -> done'],
});

let service: PushServicePeer;
test.beforeAll(async ({ tend }) => {
  service = await startPushServicePeer();
  await tend.publish(cartJourney);
});
test.afterAll(async () => {
  await service?.stop();
});

async function publicKeyOf(tend: Tend): Promise<string> {
  const response = await tend.app.inject({ method: 'GET', url: '/v1/push/config', headers: { authorization: tend.auth } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ publicKey: string }>().publicKey;
}

async function subscriptionsOf(tend: Tend, userId: string) {
  return tend.database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.contactId, await tend.contactId(userId)));
}

test("a visitor's browser gets the journey's push, encrypted to it and signed with the workspace's key; a browser gone (410) is removed", async ({ tend }) => {
  const publicKey = await publicKeyOf(tend);
  const [laptop, phone] = [service.subscribe(), service.subscribe()];
  for (const browser of [laptop, phone]) {
    const response = await tend.app.inject({ method: 'POST', url: '/v1/push/subscriptions', headers: { authorization: tend.auth }, payload: { anonymousId: 'visitor-ada', subscription: browser } });
    expect(response.statusCode, response.body).toBe(200);
  }
  // She signs in: the page's analytics names both ids, and her anonymous profile, browsers and all, becomes hers.
  const identify = await tend.app.inject({ method: 'POST', url: '/v1/identify', headers: { authorization: tend.auth }, payload: { userId: 'push-ada', anonymousId: 'visitor-ada', traits: { firstName: 'Ada' } } });
  expect(identify.statusCode, identify.body).toBe(200);
  service.unsubscribe(phone.endpoint);

  await tend.track('push-ada', 'Cart Abandoned', { item: 'red scarf' });
  await tend.ended('push-ada', 'push-cart');

  expect(await tend.path('push-ada', 'push-cart')).toEqual(['abandoned:entered', 'nudge:sent', 'done:exited']);
  const pushes = service.received.filter((received) => received.endpoint === laptop.endpoint);
  expect(pushes).toEqual([
    expect.objectContaining({
      json: { title: 'Still thinking, Ada?', body: 'Your red scarf is waiting.', url: 'https://shop.example/cart', tag: expect.stringMatching(/^[\w-]{32}$/) },
      vapid: expect.objectContaining({ publicKey, subject: 'mailto:hello@tend.local', audience: service.origin }),
    }),
  ]);
  expect(service.rejected).toEqual([]);
  expect((await subscriptionsOf(tend, 'push-ada')).map((subscription) => subscription.endpoint)).toEqual([laptop.endpoint]);
  const [gone] = await tend.database.db.select().from(messages).where(sql`${messages.recipient} = ${phone.endpoint}`);
  expect(gone).toMatchObject({ channel: 'push', status: 'failed', reason: expect.stringContaining('HTTP 410') });
});

const browserPath = chromiumPath();
// CI installs Debian's chromium and must run this; a developer machine without it is told why it skipped.
const runBrowser = Boolean(browserPath) || process.env.CI === 'true';
if (!runBrowser) console.warn("web-push.test.ts: the browser half skipped: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH");

describe.runIf(runBrowser)("in chromium, a shop's page on another origin with tend-push.js and a /tend-sw.js importing /push/sw.js", () => {
  let browser: Browser;
  let shop: { origin: string; stop(): Promise<void> };
  let tendUrl: string;

  test.beforeAll(async ({ tend }) => {
    if (!browserPath) throw new Error("no chromium: install Debian's chromium or set CHROMIUM_PATH");
    tendUrl = await tend.app.listen({ host: '127.0.0.1', port: 0 });
    [browser, shop] = await Promise.all([launchChromium(browserPath), serveShop(tendUrl)]);
  });
  test.afterAll(async () => {
    await browser?.close();
    await shop?.stop();
  });

  /** A visitor's tab on the shop, notifications allowed, its service workers watched through CDP. */
  async function visit(): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; registrationId: () => Promise<string> }> {
    const context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: shop.origin });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const registrations = new Map<string, string>();
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => {
      for (const registration of updated) if (!registration.isDeleted) registrations.set(registration.scopeURL, registration.registrationId);
    });
    await cdp.send('ServiceWorker.enable');
    await page.goto(`${shop.origin}/`);
    return { context, page, cdp, registrationId: () => eventually(async () => registrations.get(`${shop.origin}/`), 'the service worker registration') };
  }

  test('subscribe() registers and activates the service worker and reads the key across origins; chromium offline cannot reach a push service, and says so', async ({ tend }) => {
    const { context, page } = await visit();
    try {
      const outcome = await page.evaluate(
        (options) => (globalThis as unknown as PageGlobals).TendPush.subscribe(options).then(() => 'subscribed', (error: Error) => error.message),
        { host: tendUrl, writeKey: tend.workspace.writeKey },
      );
      // A fresh (incognito) context has no push service: the one step a test cannot take for real.
      expect(outcome).toMatch(/^TendPush: the browser could not subscribe \(Registration failed - .+\): a private window/);
      const worker = await page.evaluate(async () => {
        const registration = await (globalThis as unknown as PageGlobals).navigator.serviceWorker.getRegistration();
        return { state: registration?.active?.state, script: registration?.active?.scriptURL };
      });
      expect(worker).toEqual({ state: 'activated', script: `${shop.origin}/tend-sw.js` });
    } finally {
      await context.close();
    }
  });

  test("subscribe() posts the browser's subscription for the visitor, the journey pushes to it, and the service worker shows the notification", async ({ tend }) => {
    const { context, page, cdp, registrationId } = await visit();
    try {
      // Chromium offline has no push service, so the browser's subscription is one the peer made; the rest is the browser's own.
      const peerBrowser = service.subscribe();
      await page.evaluate(stubPushManager, peerBrowser);
      await page.evaluate((options) => (globalThis as unknown as PageGlobals).TendPush.subscribe(options), { host: tendUrl, writeKey: tend.workspace.writeKey, userId: 'browser-ada' });
      const applicationServerKey = await page.evaluate(() => (globalThis as unknown as PageGlobals).pushStub.applicationServerKey);
      expect(Buffer.from(applicationServerKey).toString('base64url')).toBe(await publicKeyOf(tend));
      expect(await subscriptionsOf(tend, 'browser-ada')).toEqual([
        expect.objectContaining({ endpoint: peerBrowser.endpoint, p256dh: peerBrowser.keys.p256dh, auth: peerBrowser.keys.auth, userAgent: expect.stringContaining('Chrome/') }),
      ]);
      // Kept where the service worker finds it when the browser renews the subscription (pushsubscriptionchange).
      const kept = await page.evaluate(async () => (await (await (globalThis as unknown as PageGlobals).caches.open('tend-push')).match('/tend-push/settings'))?.json());
      expect(kept).toMatchObject({ host: tendUrl, writeKey: tend.workspace.writeKey, publicKey: await publicKeyOf(tend), userId: 'browser-ada', anonymousId: expect.any(String) });

      await tend.identify('browser-ada', { firstName: 'Bea' });
      await tend.track('browser-ada', 'Cart Abandoned', { item: 'blue hat' });
      const received = await eventually(async () => service.received.find((push) => push.endpoint === peerBrowser.endpoint), 'the push at the push service');

      // What the push service would hand the browser: the decrypted payload, delivered to the real service worker.
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: shop.origin, registrationId: await registrationId(), data: received.text });
      const shown = await eventually(async () => {
        const notifications = await page.evaluate(async () => {
          const registration = await (globalThis as unknown as PageGlobals).navigator.serviceWorker.getRegistration();
          return (await registration!.getNotifications()).map(({ title, body, tag, data }) => ({ title, body, tag, data }));
        });
        return notifications.length > 0 ? notifications : null;
      }, 'the notification');
      expect(shown).toEqual([{ title: 'Still thinking, Bea?', body: 'Your blue hat is waiting.', tag: (received.json as { tag: string }).tag, data: { url: 'https://shop.example/cart' } }]);
    } finally {
      await context.close();
    }
  });
});

/** The page's globals the code run in it touches (e2e compiles without the DOM library); page.evaluate sends only its own function, so each casts globalThis itself. */
interface PageGlobals {
  TendPush: { subscribe(options: { host: string; writeKey: string; userId?: string }): Promise<unknown> };
  pushStub: { applicationServerKey: number[]; subscription: unknown };
  navigator: {
    serviceWorker: {
      getRegistration(): Promise<
        { active: { state: string; scriptURL: string } | null; getNotifications(): Promise<{ title: string; body: string; tag: string; data: unknown }[]> } | undefined
      >;
    };
  };
  PushManager: { prototype: { subscribe(options?: { applicationServerKey?: Uint8Array }): Promise<unknown>; getSubscription(): Promise<unknown> } };
  caches: { open(name: string): Promise<{ match(url: string): Promise<{ json(): Promise<unknown> } | undefined> }> };
}

/**
 * Runs in the page: PushManager hands out the peer's subscription instead of asking a push
 * service on the internet, and remembers the application server key it was given.
 */
function stubPushManager(target: PushTarget): void {
  const page = globalThis as unknown as PageGlobals;
  const stub: PageGlobals['pushStub'] = { applicationServerKey: [], subscription: null };
  page.pushStub = stub;
  page.PushManager.prototype.subscribe = async (options) => {
    const key = new Uint8Array(options!.applicationServerKey!);
    stub.applicationServerKey = [...key];
    stub.subscription = {
      endpoint: target.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: key.buffer },
      toJSON: () => ({ endpoint: target.endpoint, expirationTime: null, keys: target.keys }),
      unsubscribe: async () => true,
    };
    return stub.subscription;
  };
  page.PushManager.prototype.getSubscription = async () => stub.subscription;
}

/** The shop's site on a second loopback origin: a page loading tend-push.js, and the one-line service worker. */
async function serveShop(tendUrl: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/tend-sw.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(`importScripts('${tendUrl}/push/sw.js');\n`);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>Shop</title><link rel="icon" href="data:,"><script src="${tendUrl}/push/tend-push.js"></script></head><body><h1>Shop</h1></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
