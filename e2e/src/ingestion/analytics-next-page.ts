import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AnalyticsBrowser } from '@segment/analytics-next';

/** Where Segment's browser library keeps its UMD build: index.js (the `AnalyticsNext` global) and its lazy chunks. */
const umdDir = join(dirname(createRequire(import.meta.url).resolve('@segment/analytics-next/package.json')), 'dist', 'umd');

/** The page's window once index.js has run. */
export type WithAnalyticsNext = { AnalyticsNext: { AnalyticsBrowser: typeof AnalyticsBrowser } };

export interface ShopPage {
  /** The shop's page, on its own origin (another port than Tend's). */
  url: string;
  stop(): Promise<void>;
}

/**
 * A shop's site on a second loopback origin: one HTML page that loads `@segment/analytics-next`'s
 * UMD build from the same origin (its chunks load relative to the page), as a site that hosts
 * the library itself would. Nothing here reaches the internet.
 */
export async function serveShopPage(): Promise<ShopPage> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://shop.test').pathname;
    if (path === '/' || path === '/pricing') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html><head><title>Pricing · Shop</title><link rel="icon" href="data:,"><script src="/index.js"></script></head><body><h1>Pricing</h1></body></html>');
      return;
    }
    const file = path.slice(1);
    if (!/^[\w.-]+\.js$/.test(file)) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(umdDir, file)).then(
      (body) => response.writeHead(200, { 'content-type': 'text/javascript' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pricing`,
    stop: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
