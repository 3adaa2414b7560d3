import type { FastifyInstance } from 'fastify';

const preflightMaxAgeSeconds = 24 * 60 * 60;
const exposedHeaders = 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';

/**
 * CORS for /v1 only: a shop's pages call ingestion from their own origin. Every /v1 answer,
 * errors included, allows the caller's origin, so a browser library can read a 400 or 429 and
 * act on it. No credentials are involved (the write key is public), so any origin may call.
 * The console's /trpc and /auth get no CORS headers: it is served from the same origin.
 */
export function registerIngestCors(v1: FastifyInstance): void {
  registerPublicCors(v1, '/v1/*', 'POST, OPTIONS');
}

/**
 * The /v1 CORS on a plugin of its own (web push's /v1/push/* takes GET and DELETE too): every
 * answer allows the caller's origin, and preflights to `path` allow `methods`.
 */
export function registerPublicCors(scope: FastifyInstance, path: string, methods: string): void {
  scope.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    reply
      .header('access-control-allow-origin', origin ?? '*')
      .header('vary', 'Origin')
      // A browser library reads Retry-After on a 429 only if it is exposed.
      .header('access-control-expose-headers', exposedHeaders);
  });

  scope.options(path, { config: { rateLimit: false } }, async (request, reply) => {
    const requested = request.headers['access-control-request-headers'];
    return reply
      .code(204)
      .header('access-control-allow-methods', methods)
      .header('access-control-allow-headers', requested ?? 'authorization, content-type, content-encoding, x-retry-count')
      .header('access-control-max-age', String(preflightMaxAgeSeconds))
      .send();
  });
}
