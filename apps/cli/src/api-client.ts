import type { AppRouter } from '@tend/server/router';
import { createTRPCClient, httpBatchLink, TRPCClientError, type TRPCClient } from '@trpc/client';

/** A typed client of the console API at `url`, acting with an API token (the CLI imports the router's type only). */
export function apiClient(url: string, token: string | null): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: new URL('/trpc', url).toString(), headers: () => (token ? { authorization: `Bearer ${token}` } : {}) })],
  });
}

/** Turns "fetch failed" and "unauthorized" into what to do about them. */
export function explainApiError(error: unknown, url: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/fetch failed|ECONNREFUSED/i.test(message)) {
    return new Error(`cannot reach Tend at ${url}: is it running? Start it with \`npm start\`, or pass --url.`);
  }
  if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED') {
    return new Error(`Tend at ${url} does not know this CLI: create an API token in the console (Settings → API tokens) and run \`tend login --url ${url} --token <token>\`, or set TEND_TOKEN.`);
  }
  return error instanceof Error ? error : new Error(message);
}
