import type { FastifyInstance } from 'fastify';
import { allowedHostsFor, refuseUnknownHosts } from './allowed-hosts.js';
import { sendError } from './errors.js';
import { defaultRateLimits, registerRateLimits, type RateLimits } from './rate-limits.js';
import { allowCrossOriginReads, registerSecurityHeaders } from './security-headers.js';

export interface HardeningOptions {
  /** The interface the server listens on (HOST): on loopback, localhost names are allowed too. Default: 127.0.0.1. */
  host?: string;
  /** Host names besides TEND_PUBLIC_URL's that requests may carry (TEND_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** Requests a minute per key (TEND_RATE_LIMIT_*); 0 turns a limit off. */
  rateLimits?: Partial<RateLimits>;
}

/**
 * Everything the HTTP server does for every route, registered before any route: the error
 * handler (no internals in a 500), the Host check, security headers and rate limits.
 */
export async function registerHardening(app: FastifyInstance, options: HardeningOptions & { publicUrl?: string }): Promise<void> {
  app.setErrorHandler(sendError);
  refuseUnknownHosts(app, allowedHostsFor({ publicUrl: options.publicUrl, allowedHosts: options.allowedHosts, host: options.host ?? '127.0.0.1' }));
  app.addHook('onRoute', allowCrossOriginReads);
  await registerSecurityHeaders(app, { https: options.publicUrl?.startsWith('https:') ?? false });
  await registerRateLimits(app, { ...defaultRateLimits, ...options.rateLimits });
}
