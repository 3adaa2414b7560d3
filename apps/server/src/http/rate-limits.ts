import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { writeKeyOf } from '../ingest/auth.js';
import { ClientError } from './errors.js';
import { SharedCounterStore } from './shared-counter-store.js';

/** Requests a minute; 0 turns a limit off. */
export interface RateLimits {
  /** Per write key across every /v1/* path (TEND_RATE_LIMIT_INGEST); a batch counts once. */
  ingestPerMinute: number;
  /** Per client address and email on POST /auth/sign-in, per address on the SSO callback (TEND_RATE_LIMIT_SIGN_IN). */
  signInPerMinute: number;
}

export const defaultRateLimits: RateLimits = { ingestPerMinute: 6000, signInPerMinute: 10 };

/**
 * Registers @fastify/rate-limit and limits routes by their path, so a route needs no code of its
 * own to be limited and new /v1 routes are covered when they are added. A route that sets its own
 * `config.rateLimit` (or `false`) keeps it. Counters live in this process's memory.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  // Added before the plugin, so its own onRoute hook sees the config set here.
  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit !== undefined) return;
    const rateLimit = rateLimitFor(route, limits);
    if (rateLimit) route.config = { ...route.config, rateLimit };
  });
  await app.register(fastifyRateLimit, { global: false, store: SharedCounterStore });
}

function rateLimitFor(route: RouteOptions, limits: RateLimits): RateLimitOptions | undefined {
  if (route.url.startsWith('/v1/')) {
    return perMinute(limits.ingestPerMinute, ingestKey, 'requests for this write key');
  }
  // Accepting an invitation checks a password too (an existing account's): the same limit.
  if ((route.url === '/auth/sign-in' || route.url === '/auth/invitation') && route.method === 'POST') {
    return perMinute(limits.signInPerMinute, signInKey, 'sign-in attempts for this email from this address');
  }
  // Each single sign-on answer costs a call to the provider's token endpoint.
  if (route.url === '/auth/oidc/callback') {
    return perMinute(limits.signInPerMinute, (request) => `oidc:${request.ip}`, 'single sign-on attempts from this address');
  }
  return undefined;
}

function perMinute(max: number, keyGenerator: (request: FastifyRequest) => string, what: string): RateLimitOptions | undefined {
  if (max <= 0) return undefined;
  return {
    max,
    timeWindow: 60_000,
    keyGenerator,
    // After the body is parsed: the key can come from it.
    hook: 'preValidation',
    // Retry-After (seconds) is set by the plugin; Segment's libraries wait for it.
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new ClientError(429, {
        error: 'rate_limited',
        message: `too many ${what}: at most ${context.max} a minute; retry in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      });
    },
  };
}

/** The write key (Basic user, or Segment's body `writeKey`), else the client's address. */
function ingestKey(request: FastifyRequest): string {
  const writeKey = writeKeyOf(request.headers.authorization) ?? stringField(request.body, 'writeKey');
  return writeKey ? `write-key:${writeKey}` : `ip:${request.ip}`;
}

/** One address guessing one account's password; another account or address has its own count. */
function signInKey(request: FastifyRequest): string {
  const email = stringField(request.body, 'email')?.trim().toLowerCase() ?? '';
  return `sign-in:${request.ip}:${email}`;
}

function stringField(body: unknown, name: string): string | null {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 320 ? value : null;
}
