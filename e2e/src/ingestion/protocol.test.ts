import { gzipSync } from 'node:zlib';
import { accountMemberships, accounts, contactAliases, contacts, eq, events, ingestionErrors } from '@tend/db';
import { describe } from 'vitest';
import { email, expect, journey, test, type Tend } from '../support/index.js';

/**
 * Segment's HTTP API as the stock clients speak it, with hand-written requests: every call and
 * path, the write key in the body, any Content-Type, gzip, CORS, partial batches, Segment's limits.
 * (e2e/src/ingestion/stock-clients.test.ts sends the same through the libraries themselves.)
 */
interface Send {
  body: object | string | Buffer;
  auth?: string | null;
  headers?: Record<string, string>;
}

const send = (tend: Tend, path: string, { body, auth = tend.auth, headers = {} }: Send) =>
  tend.app.inject({
    method: 'POST',
    url: `/v1/${path}`,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
    payload: body,
  });

const db = (tend: Tend) => tend.database.db;

async function eventsOf(tend: Tend, userId: string) {
  const [contact] = await db(tend).select().from(contacts).where(eq(contacts.userId, userId));
  if (!contact) return [];
  return db(tend).select().from(events).where(eq(events.contactId, contact.id));
}

async function eventByMessageId(tend: Tend, messageId: string) {
  const [row] = await db(tend).select().from(events).where(eq(events.messageId, messageId));
  return row;
}

describe('Segment HTTP API, call by call', () => {
  test('page: stored with its name, and properties holding name and category', async ({ tend }) => {
    const response = await send(tend, 'page', {
      body: { userId: 'pg-1', messageId: 'pg-1-a', name: 'Pricing', category: 'Docs', properties: { url: 'https://shop.example/pricing', path: '/pricing', title: 'Pricing' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await eventByMessageId(tend, 'pg-1-a')).toMatchObject({
      type: 'page',
      name: 'Pricing',
      properties: { url: 'https://shop.example/pricing', path: '/pricing', title: 'Pricing', name: 'Pricing', category: 'Docs' },
    });
  });

  test('page: url, path and title are taken from context.page when properties lack them', async ({ tend }) => {
    await send(tend, 'page', { body: { anonymousId: 'pg-anon', messageId: 'pg-ctx', context: { page: { url: 'https://shop.example/a', path: '/a', title: 'A' } } } });
    expect(await eventByMessageId(tend, 'pg-ctx')).toMatchObject({ type: 'page', name: null, properties: { url: 'https://shop.example/a', path: '/a', title: 'A' } });
  });

  test('screen: stored as a screen with its name', async ({ tend }) => {
    expect((await send(tend, 'screen', { body: { userId: 'sc-1', messageId: 'sc-1-a', name: 'Home', properties: { variant: 'b' } } })).statusCode).toBe(200);
    expect(await eventByMessageId(tend, 'sc-1-a')).toMatchObject({ type: 'screen', name: 'Home', properties: { variant: 'b', name: 'Home' } });
  });

  test('group: upserts the account, merging traits, and makes the contact a member', async ({ tend }) => {
    await send(tend, 'group', { body: { userId: 'gr-1', messageId: 'gr-1-a', groupId: 'acme', traits: { name: 'Acme', plan: 'free' } } });
    const response = await send(tend, 'group', { body: { userId: 'gr-2', messageId: 'gr-2-a', groupId: 'acme', traits: { plan: 'pro', employees: 40 } } });
    expect(response.statusCode, response.body).toBe(200);

    const [account] = await db(tend).select().from(accounts).where(eq(accounts.id, 'acme'));
    expect(account).toMatchObject({ workspaceId: tend.workspace.id, traits: { name: 'Acme', plan: 'pro', employees: 40 } });
    const members = await db(tend).select().from(accountMemberships).where(eq(accountMemberships.accountId, 'acme'));
    expect(members).toHaveLength(2);
    expect(await eventByMessageId(tend, 'gr-2-a')).toMatchObject({ type: 'group', properties: { plan: 'pro', employees: 40, groupId: 'acme' } });
  });

  test('group: names groupId when it is missing', async ({ tend }) => {
    const response = await send(tend, 'group', { body: { userId: 'gr-3', traits: {} } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_event', issues: [{ field: 'groupId' }] });
  });

  test('alias: records the alias and gives the anonymous contact its userId', async ({ tend }) => {
    await send(tend, 'track', { body: { anonymousId: 'al-anon', event: 'Viewed Product' } });
    const response = await send(tend, 'alias', { body: { userId: 'al-user', previousId: 'al-anon', messageId: 'al-1' } });
    expect(response.statusCode, response.body).toBe(200);

    const linked = await db(tend).select().from(contacts).where(eq(contacts.anonymousId, 'al-anon'));
    expect(linked).toEqual([expect.objectContaining({ userId: 'al-user' })]);
    expect(await db(tend).select().from(contactAliases).where(eq(contactAliases.previousId, 'al-anon'))).toEqual([
      expect.objectContaining({ userId: 'al-user', workspaceId: tend.workspace.id }),
    ]);
    expect((await eventsOf(tend, 'al-user')).map((row) => row.type).sort()).toEqual(['alias', 'track']);
    expect(await eventByMessageId(tend, 'al-1')).toMatchObject({ properties: { previousId: 'al-anon', userId: 'al-user' } });
  });

  test('alias: names previousId when it is missing', async ({ tend }) => {
    const response = await send(tend, 'alias', { body: { userId: 'al-2' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ field: 'previousId', message: 'previousId is required' }]);
  });

  test.for([
    ['i', { userId: 'short-i', messageId: 'short-i' }, 'identify'],
    ['t', { userId: 'short-t', messageId: 'short-t', event: 'Clicked' }, 'track'],
    ['p', { userId: 'short-p', messageId: 'short-p', name: 'Home' }, 'page'],
    ['s', { userId: 'short-s', messageId: 'short-s', name: 'Home' }, 'screen'],
    ['g', { userId: 'short-g', messageId: 'short-g', groupId: 'g-short' }, 'group'],
    ['a', { userId: 'short-a', messageId: 'short-a', previousId: 'short-a-anon' }, 'alias'],
    ['b', { batch: [{ type: 'track', userId: 'short-b', messageId: 'short-b', event: 'Clicked' }] }, 'track'],
    ['import', { batch: [{ type: 'page', userId: 'short-import', messageId: 'short-import' }] }, 'page'],
  ] as const)('the path /v1/%s takes its call', async ([path, body, type], { tend }) => {
    const response = await send(tend, path, { body });
    expect(response.statusCode, response.body).toBe(200);
    const messageId = (body as { messageId?: string }).messageId ?? `short-${path}`;
    expect(await eventByMessageId(tend, messageId)).toMatchObject({ type });
  });

  test('/v1/m (the browser library\'s metrics) is accepted and dropped', async ({ tend }) => {
    const before = (await db(tend).select().from(events)).length;
    const response = await send(tend, 'm', { body: { series: [{ type: 'Counter', metric: 'analytics_js.invoke', value: 1 }] }, auth: null, headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(200);
    expect((await db(tend).select().from(events)).length).toBe(before);
  });
});

describe('page and screen reach journeys as "Page Viewed" and "Screen Viewed"', () => {
  test('a page call on /pricing enters a journey triggered by "Page Viewed" where path is /pricing', async ({ tend }) => {
    await tend.publish(
      journey('pricing-visit', {
        nodes: { go: ['trigger.event', { event: 'Page Viewed', filters: [{ property: 'path', op: 'eq', value: '/pricing' }] }], mail: email('Questions about pricing?'), done: ['exit'] },
        edges: ['go -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('pv-1', { email: 'pv1@example.com' });
    await tend.identify('pv-2', { email: 'pv2@example.com' });
    await send(tend, 'page', { body: { userId: 'pv-2', name: 'About', properties: { path: '/about' } } });
    await send(tend, 'page', { body: { userId: 'pv-1', name: 'Pricing', properties: { path: '/pricing', url: 'https://shop.example/pricing' } } });
    await tend.waitForMail('pv1@example.com', 1);
    await tend.ended('pv-1', 'pricing-visit');
    expect(tend.mailTo('pv2@example.com')).toHaveLength(0);
    expect(await tend.enrolment('pv-2', 'pricing-visit')).toBeUndefined();
  });

  test('page calls count as "Page Viewed" in a branch condition, like track events', async ({ tend }) => {
    await tend.publish(
      journey('browsed-first', {
        nodes: {
          go: ['trigger.event', { event: 'Browse Check' }],
          pick: ['branch', { cases: [{ id: 'browsed', label: 'Browsed', condition: { kind: 'event-count', event: 'Page Viewed', filters: [{ property: 'path', op: 'eq', value: '/shoes' }], atLeast: 2, withinDays: 7 } }] }],
          'to-browsed': email('Still thinking about shoes?'),
          'to-else': email('Welcome back'),
          done: ['exit'],
        },
        edges: ['go -> pick', 'pick:browsed -> to-browsed', 'pick:else -> to-else', 'to-browsed -> done', 'to-else -> done'],
      }),
    );
    await tend.identify('pc-1', { email: 'pc1@example.com' });
    await tend.identify('pc-2', { email: 'pc2@example.com' });
    for (const path of ['/shoes', '/shoes', '/hats']) await send(tend, 'page', { body: { userId: 'pc-1', properties: { path } } });
    await send(tend, 'page', { body: { userId: 'pc-2', properties: { path: '/shoes' } } });
    await tend.track('pc-1', 'Browse Check');
    await tend.track('pc-2', 'Browse Check');
    expect((await tend.waitForMail('pc1@example.com', 1)).map((mail) => mail.subject)).toEqual(['Still thinking about shoes?']);
    expect((await tend.waitForMail('pc2@example.com', 1)).map((mail) => mail.subject)).toEqual(['Welcome back']);
  });

  test('a screen call enters a journey triggered by "Screen Viewed"; group and alias enter none', async ({ tend }) => {
    await tend.publish(
      journey('screen-visit', {
        nodes: { go: ['trigger.event', { event: 'Screen Viewed', filters: [{ property: 'name', op: 'eq', value: 'Checkout' }] }], mail: email('Finish your order'), done: ['exit'] },
        edges: ['go -> mail', 'mail -> done'],
      }),
    );
    await tend.identify('sv-1', { email: 'sv1@example.com' });
    await send(tend, 'group', { body: { userId: 'sv-1', groupId: 'Checkout', traits: { name: 'Checkout' } } });
    await send(tend, 'screen', { body: { userId: 'sv-1', name: 'Checkout' } });
    await tend.waitForMail('sv1@example.com', 1);
    await tend.ended('sv-1', 'screen-visit');
    expect(tend.mailTo('sv1@example.com')).toHaveLength(1);
  });
});

describe('the write key', () => {
  const call = { userId: 'wk-1', event: 'Signed Up' };

  test('is taken from the body\'s writeKey, with no Authorization header or a Bearer one', async ({ tend }) => {
    const key = tend.workspace.writeKey;
    expect((await send(tend, 'track', { body: { ...call, writeKey: key }, auth: null })).statusCode).toBe(200);
    expect((await send(tend, 'track', { body: { ...call, writeKey: key }, auth: 'Bearer something' })).statusCode).toBe(200);
    expect((await send(tend, 'batch', { body: { writeKey: key, batch: [{ type: 'track', ...call }] }, auth: null })).statusCode).toBe(200);
  });

  test('a wrong body writeKey gets 401 whose message names both ways', async ({ tend }) => {
    const response = await send(tend, 'track', { body: { ...call, writeKey: 'nope' }, auth: null });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthorized', error: 'unauthorized', message: expect.stringMatching(/Basic user.*writeKey/) });
  });
});

describe('bodies', () => {
  test.for(['application/json', 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'application/octet-stream'])(
    'a JSON body is read as JSON with Content-Type %s',
    async (contentType, { tend }) => {
      const messageId = `ct-${contentType}`;
      const response = await send(tend, 'track', { body: JSON.stringify({ ...{ userId: 'ct-1', event: 'Typed' }, messageId }), headers: { 'content-type': contentType } });
      expect(response.statusCode, response.body).toBe(200);
      expect(await eventByMessageId(tend, messageId)).toMatchObject({ name: 'Typed' });
    },
  );

  test('a JSON body is read without any Content-Type', async ({ tend }) => {
    const response = await tend.app.inject({ method: 'POST', url: '/v1/track', headers: { authorization: tend.auth }, payload: JSON.stringify({ userId: 'ct-none', event: 'Bare' }) });
    expect(response.statusCode, response.body).toBe(200);
  });

  test('a gzip body is decompressed (RudderStack gzips by default)', async ({ tend }) => {
    const body = gzipSync(JSON.stringify({ batch: [{ type: 'track', userId: 'gz-1', messageId: 'gz-1', event: 'Zipped' }] }));
    const response = await send(tend, 'batch', { body, headers: { 'content-encoding': 'gzip', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(await eventByMessageId(tend, 'gz-1')).toMatchObject({ name: 'Zipped' });
  });

  test('a gzip bomb is refused with 413 once it passes the limit', async ({ tend }) => {
    const bomb = gzipSync(Buffer.from(`{"batch":[{"type":"track","userId":"bomb","event":"${'x'.repeat(64 * 1024 * 1024)}"}]}`));
    expect(bomb.length).toBeLessThan(500 * 1024);
    const response = await send(tend, 'batch', { body: bomb, headers: { 'content-encoding': 'gzip' } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('500 KiB') });
  });

  test.for([
    ['malformed JSON', '{"userId": "u1", "event": ', {}],
    ['broken gzip', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }],
  ] as const)('%s gets 400 naming it, never 500', async ([, body, headers], { tend }) => {
    const response = await send(tend, 'track', { body, headers: { ...headers } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/JSON|gzip/) });
  });

  test('an unknown Content-Encoding gets 415', async ({ tend }) => {
    const response = await send(tend, 'track', { body: '{}', headers: { 'content-encoding': 'br' } });
    expect(response.statusCode).toBe(415);
  });

  // Postgres stores neither NUL nor a lone surrogate: they used to fail the insert with a 500.
  test('NUL characters and lone surrogates are stored as U+FFFD, not a 500', async ({ tend }) => {
    const body = `{"userId":"nul-1","messageId":"nul-1","event":"Odd\\u0000Name","properties":{"note":"a\\u0000b","half":"x\\ud83dy","k\\u0000ey":["\\udc00"]}}`;
    const response = await send(tend, 'track', { body });
    expect(response.statusCode, response.body).toBe(200);
    expect(await eventByMessageId(tend, 'nul-1')).toMatchObject({ name: 'Odd\uFFFDName', properties: { note: 'a\uFFFDb', half: 'x\uFFFDy', 'k\uFFFDey': ['\uFFFD'] } });
  });

  test('other routes keep their own parsing: /auth/sign-in still refuses a text/plain body', async ({ tend }) => {
    const response = await tend.app.inject({ method: 'POST', url: '/auth/sign-in', headers: { 'content-type': 'text/plain' }, payload: '{"email":"a@example.com","password":"x"}' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS on /v1', () => {
  const origin = 'https://shop.example';

  test('a preflight is answered 204 with the origin, POST, the requested headers and a max age', async ({ tend }) => {
    const response = await tend.app.inject({
      method: 'OPTIONS',
      url: '/v1/batch',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-retry-count' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': expect.stringContaining('POST'),
      'access-control-allow-headers': 'authorization, content-type, x-retry-count',
      'access-control-max-age': expect.stringMatching(/^\d+$/),
      'cross-origin-resource-policy': 'cross-origin',
    });
  });

  test('every /v1 answer allows the origin, errors included', async ({ tend }) => {
    const ok = await send(tend, 't', { body: { userId: 'cors-1', event: 'Clicked' }, headers: { origin } });
    const unauthorized = await send(tend, 't', { body: { userId: 'cors-1', event: 'Clicked' }, auth: null, headers: { origin } });
    const invalid = await send(tend, 't', { body: { userId: 'cors-1' }, headers: { origin } });
    const malformed = await send(tend, 't', { body: '{', headers: { origin } });
    expect([ok, unauthorized, invalid, malformed].map((response) => [response.statusCode, response.headers['access-control-allow-origin']])).toEqual([
      [200, origin],
      [401, origin],
      [400, origin],
      [400, origin],
    ]);
    expect(ok.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(ok.headers['access-control-expose-headers']).toMatch(/Retry-After/);
  });

  test('the console\'s routes send no CORS headers', async ({ tend }) => {
    const response = await tend.app.inject({ method: 'GET', url: '/trpc/workspaces.list', headers: { origin } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('batches', () => {
  test('the batch\'s context and integrations are merged into each item, and sentAt corrects the clock', async ({ tend }) => {
    const before = Date.now();
    const response = await send(tend, 'batch', {
      body: {
        sentAt: '2020-01-01T00:00:10.000Z',
        context: { library: { name: 'hand' }, locale: 'en-GB' },
        integrations: { All: true },
        batch: [
          // The device's clock is years behind: sent 10 s after it happened, by its clock.
          { type: 'track', userId: 'skew-1', messageId: 'skew-1', event: 'Skewed', originalTimestamp: '2020-01-01T00:00:00.000Z', context: { locale: 'fr-FR' } },
          { type: 'track', userId: 'skew-1', messageId: 'skew-2', event: 'Stamped', timestamp: '2026-01-01T00:00:00.000Z', originalTimestamp: '2020-01-01T00:00:00.000Z' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const skewed = await eventByMessageId(tend, 'skew-1');
    expect(skewed!.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 10_000 - 1000);
    expect(skewed!.occurredAt.getTime()).toBeLessThanOrEqual(Date.now() - 10_000 + 1000);
    expect((await eventByMessageId(tend, 'skew-2'))!.occurredAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    // Stored with each event: the batch's context under the item's own (the item's locale wins).
    expect(skewed!.context).toEqual({ library: { name: 'hand' }, locale: 'fr-FR' });
    expect(skewed!.integrations).toEqual({ All: true });
    expect((await eventByMessageId(tend, 'skew-2'))!.context).toEqual({ library: { name: 'hand' }, locale: 'en-GB' });
  });

  test('bad items are listed by index and written to ingestion_errors; the good ones are stored', async ({ tend }) => {
    const response = await send(tend, 'batch', {
      body: {
        batch: [
          { type: 'track', userId: 'pb-1', messageId: 'pb-ok', event: 'Good' },
          { type: 'track', userId: 'pb-1', messageId: 'pb-bad-1' },
          { type: 'shout', userId: 'pb-1', messageId: 'pb-bad-2' },
          { type: 'identify', userId: 'pb-1', messageId: 'pb-bad-3', traits: { email: 'nope' } },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      success: true,
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 1, field: 'batch.1.event', message: expect.any(String) },
        { index: 2, field: 'batch.2.type', message: expect.stringContaining('identify, track, page') },
        { index: 3, field: 'batch.3.traits.email', message: 'batch.3.traits.email: invalid email' },
      ],
    });
    expect(await eventByMessageId(tend, 'pb-ok')).toBeDefined();
    const errors = await db(tend).select().from(ingestionErrors).where(eq(ingestionErrors.workspaceId, tend.workspace.id));
    expect(errors.filter((row) => row.messageId?.startsWith('pb-')).map((row) => [row.callType, row.messageId, row.field]).sort()).toEqual([
      ['identify', 'pb-bad-3', 'batch.3.traits.email'],
      ['shout', 'pb-bad-2', 'batch.2.type'],
      ['track', 'pb-bad-1', 'batch.1.event'],
    ]);
  });

  test('a refused single call is written to ingestion_errors, its payload cut to a few KiB', async ({ tend }) => {
    const response = await send(tend, 'identify', { body: { messageId: 'ie-single', traits: { bio: 'x'.repeat(20_000) } } });
    expect(response.statusCode).toBe(400);
    const [row] = await db(tend).select().from(ingestionErrors).where(eq(ingestionErrors.messageId, 'ie-single'));
    expect(row).toMatchObject({ callType: 'identify', field: 'userId', message: 'userId: userId or anonymousId is required', payload: { truncated: true } });
    expect(JSON.stringify(row!.payload).length).toBeLessThan(5 * 1024);
  });

  test('up to 2,500 items are taken; more is 413', async ({ tend }) => {
    const item = (i: number) => ({ type: 'track', userId: 'many', event: 'E', messageId: `many-${i}` });
    const ok = await send(tend, 'batch', { body: { batch: Array.from({ length: 2500 }, (_, i) => item(i)) } });
    expect(ok.json()).toMatchObject({ accepted: 2500 });
    const over = await send(tend, 'batch', { body: { batch: Array.from({ length: 2501 }, (_, i) => item(i)) } });
    expect(over.statusCode).toBe(413);
  }, 60_000);
});

describe('limits as Segment\'s', () => {
  const text = (bytes: number) => 'x'.repeat(bytes);

  test('a call over 32 KiB gets 413 naming the value that makes it too big', async ({ tend }) => {
    const response = await send(tend, 'track', { body: { userId: 'big-1', event: 'Big', properties: { html: text(40 * 1024) } } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', issues: [{ field: 'properties.html', message: 'a property may be at most 32 KiB (this one is 40 KiB)' }] });
  });

  test('a batch item over 32 KiB is rejected, the rest stored', async ({ tend }) => {
    const response = await send(tend, 'batch', {
      body: { batch: [{ type: 'track', userId: 'big-2', messageId: 'big-2-ok', event: 'Small' }, { type: 'track', userId: 'big-2', event: 'Big', properties: { html: text(40 * 1024) } }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().rejected).toEqual([{ index: 1, field: 'batch.1.properties.html', message: expect.stringContaining('32 KiB') }]);
  });

  test('a body over 500 KiB gets 413 with a message, a batch of 480 KiB is taken', async ({ tend }) => {
    const item = (i: number) => ({ type: 'track', userId: 'big-3', messageId: `big-3-${i}`, event: 'Chunk', properties: { pad: text(30 * 1024) } });
    const ok = await send(tend, 'batch', { body: { batch: Array.from({ length: 15 }, (_, i) => item(i)) } });
    expect(ok.statusCode, ok.body).toBe(200);
    const over = await send(tend, 'batch', { body: { batch: Array.from({ length: 17 }, (_, i) => item(100 + i)) } });
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('500 KiB') });
  });
});
