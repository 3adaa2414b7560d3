import type { AppRouter } from '@tend/server/router';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';

/** A typed client of the console API at `url` (the CLI imports the router's type only). */
export function apiClient(url: string): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: new URL('/trpc', url).toString() })] });
}

/** Turns "fetch failed" into what to do about it. */
export function explainConnectionError(error: unknown, url: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/fetch failed|ECONNREFUSED/i.test(message)) {
    return new Error(`cannot reach Tend at ${url}: is it running? Start it with \`npm start\`, or pass --url.`);
  }
  return error instanceof Error ? error : new Error(message);
}
