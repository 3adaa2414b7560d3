import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, RouteOptions } from 'fastify';

const oneYearSeconds = 365 * 24 * 60 * 60;

/**
 * Helmet on every answer. The console is Vite's build: external module scripts and stylesheets,
 * so scripts come from 'self' only. React Flow positions nodes with inline styles, hence
 * 'unsafe-inline' for styles (styles cannot run code). The dev mailbox shows emails in a
 * sandboxed srcdoc iframe, which inherits this policy: remote https images are allowed so an
 * email looks as it will. No page may frame the console (clickjacking), and no Referer leaves
 * it: a tracking link's token must not reach the site it redirects to.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: on http://192.168.… it would send the console's own requests to https.
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Browsers ignore HSTS over plain http; sent only when the public address is https.
    strictTransportSecurity: options.https ? { maxAge: oneYearSeconds, includeSubDomains: false } : false,
  });
}

/**
 * Answers other sites load: the open pixel (/t/o) in webmail, ingestion (/v1) from shops' pages.
 * helmet's default Cross-Origin-Resource-Policy (same-origin) would make browsers drop them.
 */
export function allowCrossOriginReads(route: RouteOptions): void {
  if (/^\/(t|v1)\//.test(route.url) && route.helmet === undefined) {
    route.helmet = { crossOriginResourcePolicy: { policy: 'cross-origin' } };
  }
}
