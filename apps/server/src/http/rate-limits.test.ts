import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerHardening } from './hardening.js';
import type { RateLimits } from './rate-limits.js';

let app: FastifyInstance;
afterEach(() => app?.close());

/** Just the hardening, in front of stand-ins for the ingestion and sign-in routes. */
async function limited(rateLimits: Partial<RateLimits>): Promise<FastifyInstance> {
  app = Fastify();
  await registerHardening(app, { rateLimits });
  app.post('/v1/track', async () => ({ success: true }));
  app.post('/v1/batch', async () => ({ success: true }));
  app.post('/auth/sign-in', async () => ({ ok: true }));
  app.get('/auth/oidc/callback', async () => 'signed in');
  app.get('/trpc/journeys.list', async () => []);
  return app;
}

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

async function statuses(times: number, send: () => Promise<{ statusCode: number }>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await send()).statusCode);
  return seen;
}

describe('rate limits', () => {
  it("counts Segment's body writeKey as the same key as the Basic user", async () => {
    const server = await limited({ ingestPerMinute: 2 });
    expect((await server.inject({ method: 'POST', url: '/v1/track', headers: { authorization: basic('key-a') }, payload: {} })).statusCode).toBe(200);
    expect((await server.inject({ method: 'POST', url: '/v1/track', payload: { writeKey: 'key-a' } })).statusCode).toBe(200);
    expect((await server.inject({ method: 'POST', url: '/v1/track', payload: { writeKey: 'key-a' } })).statusCode).toBe(429);
  });

  it('counts one write key across every /v1 path, so spreading calls over paths gains nothing', async () => {
    const server = await limited({ ingestPerMinute: 2 });
    const post = (url: string) => server.inject({ method: 'POST', url, headers: { authorization: basic('key-b') }, payload: {} });
    expect([(await post('/v1/track')).statusCode, (await post('/v1/batch')).statusCode, (await post('/v1/track')).statusCode]).toEqual([200, 200, 429]);
    expect((await post('/v1/batch')).statusCode).toBe(429);
  });

  it('falls back to the client address when a call carries no write key', async () => {
    const server = await limited({ ingestPerMinute: 2 });
    const anonymous = (remoteAddress: string) => () => server.inject({ method: 'POST', url: '/v1/track', remoteAddress, payload: {} });
    expect(await statuses(3, anonymous('203.0.113.1'))).toEqual([200, 200, 429]);
    expect(await statuses(1, anonymous('203.0.113.2'))).toEqual([200]);
  });

  it('limits sign-in per address and email, so guessing one password is slow and others can still sign in', async () => {
    const server = await limited({ signInPerMinute: 3 });
    const signIn = (email: string) => () => server.inject({ method: 'POST', url: '/auth/sign-in', payload: { email, password: 'guess' } });
    expect(await statuses(4, signIn('ada@example.com'))).toEqual([200, 200, 200, 429]);
    // Case and spaces do not make a new email.
    expect(await statuses(1, signIn(' ADA@example.com'))).toEqual([429]);
    expect(await statuses(1, signIn('grace@example.com'))).toEqual([200]);
    const limitedAnswer = await signIn('ada@example.com')();
    expect(limitedAnswer.json()).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('sign-in attempts') });
    expect(limitedAnswer.headers['retry-after']).toBeDefined();
  });

  it('limits single sign-on answers per client address with the sign-in limit', async () => {
    const server = await limited({ signInPerMinute: 2 });
    const callback = (remoteAddress: string) => () => server.inject({ url: '/auth/oidc/callback?code=c&state=s', remoteAddress });
    expect(await statuses(3, callback('203.0.113.1'))).toEqual([200, 200, 429]);
    expect(await statuses(1, callback('203.0.113.2'))).toEqual([200]);
  });

  it('turns a limit off at 0 and leaves other routes alone', async () => {
    const server = await limited({ ingestPerMinute: 0, signInPerMinute: 1 });
    expect(await statuses(5, () => server.inject({ method: 'POST', url: '/v1/track', headers: { authorization: basic('key-a') }, payload: {} }))).toEqual([200, 200, 200, 200, 200]);
    expect(await statuses(5, () => server.inject({ url: '/trpc/journeys.list' }))).toEqual([200, 200, 200, 200, 200]);
  });
});
