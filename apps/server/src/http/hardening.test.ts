// The HTTP server's defences, one test per hole, through buildServer on a real (PGlite) database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace } from '@tend/db/testing';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type BuildServerOptions } from '../app.js';
import type { ServerDeps } from '../context.js';
import { startServer } from '../start.js';

let database: DatabaseHandle;
let webDir: string;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await seedWorkspace(database.db, { id: 'shop-a' });
  await seedWorkspace(database.db, { id: 'shop-b' });
  webDir = mkdtempSync(join(tmpdir(), 'tend-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index.js"></script><div id="root"></div>');
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await database?.close();
  rmSync(webDir, { recursive: true, force: true });
});

/** The app as buildServer makes it; Temporal is never reached by these requests. */
async function app(options: BuildServerOptions = {}, deps: Partial<ServerDeps> = {}): Promise<FastifyInstance> {
  const built = await buildServer(
    { db: database.db, temporal: {} as Client, health: async () => ({ ok: true, components: {} as never }), ...deps },
    { webDir, ...options },
  );
  apps.push(built);
  return built;
}

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

/** The Content-Security-Policy header as { directive: sources }. */
function csp(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('allowed hosts (DNS rebinding)', () => {
  it('refuses a request whose Host is a foreign name, saying which variable to set', async () => {
    const dev = await app();
    // A rebinding page at http://attacker.example:3000 resolves to 127.0.0.1; its browser sends its own name.
    for (const url of ['/', '/trpc/journeys.list', '/v1/track', '/healthz']) {
      const response = await dev.inject({ method: url === '/v1/track' ? 'POST' : 'GET', url, headers: { host: 'attacker.example:3000' } });
      expect(response.statusCode, url).toBe(421);
      expect(response.json()).toMatchObject({ error: 'unknown_host', message: expect.stringContaining('TEND_PUBLIC_URL') });
    }
  });

  it('answers loopback names on any port when it listens on loopback (npm start)', async () => {
    const dev = await app({ host: '127.0.0.1' });
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST']) {
      expect((await dev.inject({ url: '/', headers: { host } })).statusCode, host).toBe(200);
    }
  });

  it('answers its public name (and TEND_ALLOWED_HOSTS), not loopback names, when it listens beyond loopback', async () => {
    const server = await app({ host: '0.0.0.0', allowedHosts: ['tend.internal'] }, { publicUrl: 'https://tend.example.com' });
    expect((await server.inject({ url: '/', headers: { host: 'tend.example.com' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/', headers: { host: 'tend.internal:3000' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/', headers: { host: 'localhost:3000' } })).statusCode).toBe(421);
  });

  // The image's HEALTHCHECK fetches http://127.0.0.1:3000/healthz; Kubernetes probes use the pod IP.
  it('answers /healthz by IP address, for health checkers, but not by a foreign name', async () => {
    const server = await app({ host: '0.0.0.0' }, { publicUrl: 'https://tend.example.com' });
    expect((await server.inject({ url: '/healthz', headers: { host: '127.0.0.1:3000' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/healthz', headers: { host: '10.1.2.3:3000' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/healthz', headers: { host: 'attacker.example' } })).statusCode).toBe(421);
    expect((await server.inject({ url: '/', headers: { host: '127.0.0.1:3000' } })).statusCode).toBe(421);
  });

  it('refuses to start beyond loopback without TEND_PUBLIC_URL, before connecting to anything', async () => {
    await expect(app({ host: '0.0.0.0' })).rejects.toThrow(/TEND_PUBLIC_URL/);
    await expect(startServer({ database, temporalAddress: 'temporal.invalid:7233', host: '0.0.0.0' })).rejects.toThrow(/HOST=0\.0\.0\.0.*TEND_PUBLIC_URL/);
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, and no framing, sniffing or Referer, on the console', async () => {
    const response = await (await app()).inject({ url: '/' });
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const policy = csp(response.headers['content-security-policy']);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy).not.toHaveProperty('upgrade-insecure-requests');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends them on API answers too: tRPC, ingestion and errors', async () => {
    const server = await app();
    const answers = [
      await server.inject({ url: '/trpc/journeys.list' }),
      await server.inject({ method: 'POST', url: '/v1/track', headers: { authorization: basic('wk-shop-a') }, payload: {} }),
      await server.inject({ url: '/healthz' }),
    ];
    for (const response of answers) {
      expect(response.headers['x-content-type-options'], response.body).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(csp(response.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
    }
  });

  it('lets other sites load the open pixel and call ingestion, but not the console', async () => {
    const server = await app();
    const pixel = await server.inject({ url: '/t/o/bm8/sig.gif' });
    expect(pixel.headers['content-type']).toBe('image/gif');
    expect(pixel.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await server.inject({ method: 'POST', url: '/v1/track', payload: {} })).headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await server.inject({ url: '/' })).headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('adds HSTS and upgrade-insecure-requests only when the public address is https', async () => {
    const server = await app({ host: '0.0.0.0' }, { publicUrl: 'https://tend.example.com' });
    const response = await server.inject({ url: '/', headers: { host: 'tend.example.com' } });
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+$/);
    expect(csp(response.headers['content-security-policy'])).toHaveProperty('upgrade-insecure-requests');
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the limit for one write key, and still accepts another key', async () => {
    const server = await app({ rateLimits: { ingestPerMinute: 3 } });
    const track = (writeKey: string, payload: object = {}) =>
      server.inject({ method: 'POST', url: '/v1/track', headers: { authorization: basic(writeKey) }, payload });
    // Refused calls count too: a client looping on a bad call is limited like any other.
    for (let i = 0; i < 3; i++) expect((await track('wk-shop-a')).statusCode).toBe(400);
    const limited = await track('wk-shop-a');
    expect(limited.statusCode).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json()).toEqual({
      code: 'rate_limited',
      error: 'rate_limited',
      message: `too many requests for this write key: at most 3 a minute; retry in ${retryAfter} s`,
      retryAfterSeconds: retryAfter,
    });
    const other = await track('wk-shop-b', { userId: 'u1', event: 'Signed Up' });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('limits sign-in attempts per address and email on the real sign-in route', async () => {
    const server = await app({ rateLimits: { signInPerMinute: 2 } });
    const signIn = () => server.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'ada@example.com', password: 'guess' } });
    for (let i = 0; i < 2; i++) expect((await signIn()).statusCode).not.toBe(429);
    const limited = await signIn();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('size caps', () => {
  // One 4.5 MB trait used to be stored twice: on the contact and in the event.
  it('refuses a 4.5 MB call with 413 before parsing it (Segment\'s 500 KiB body limit)', async () => {
    const response = await (await app()).inject({
      method: 'POST',
      url: '/v1/identify',
      headers: { authorization: basic('wk-shop-a') },
      payload: { userId: 'u-big', traits: { email: 'big@example.com', bio: 'x'.repeat(4.5 * 1024 * 1024) } },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('500 KiB') });
  });

  it('refuses a 40 KiB trait with 413, naming the field (Segment\'s 32 KiB a call)', async () => {
    const response = await (await app()).inject({
      method: 'POST',
      url: '/v1/identify',
      headers: { authorization: basic('wk-shop-a') },
      payload: { userId: 'u-big', traits: { email: 'big@example.com', bio: 'x'.repeat(40 * 1024) } },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', issues: [{ field: 'traits.bio', message: expect.any(String) }] });
    expect(response.json().message).toContain('traits.bio: a trait may be at most 32 KiB (this one is 40 KiB)');
  });
});

describe('errors without internals', () => {
  it('sends no stack trace in a tRPC error body', async () => {
    const response = await (await app()).inject({ url: '/trpc/journeys.list' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.json()).toMatchObject({ error: { message: expect.any(String) } });
    expect(response.body).not.toMatch(/stack|\.ts:\d+|node_modules/);
  });

  it('answers a 500 with a generic message, not the internal one', async () => {
    const server = await app({}, {
      health: async () => {
        throw new Error('relation "users" does not exist: select password_hash from users');
      },
    });
    const response = await server.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal_error', message: expect.any(String) });
    expect(response.body).not.toMatch(/password|relation|select|stack/);
  });
});
