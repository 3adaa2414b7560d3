import type { AppRouter } from '@tend/server/router';
import { hashKey, MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy, type inferOutput } from '@trpc/tanstack-react-query';
import { apiErrorCode, shouldRetry } from './session/api-errors';
import { consoleHeaders } from './session/console-headers';
import { workspaceStore } from './session/workspace-store';

/**
 * The console's one cache. Pages that show live data poll with `refetchInterval`. A refusal
 * anywhere re-reads who is signed in: an expired session brings up the sign-in page, and a
 * changed role or membership reaches the switcher and the controls.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry } },
  queryCache: new QueryCache({ onError: (error, query) => recheckSession(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => recheckSession(error, null) }),
});

// The server has no transformer, so dates arrive as ISO strings, and the inferred types say so.
// Headers are read per request: the CSRF cookie changes at sign-in, the workspace at a switch.
export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', headers: () => consoleHeaders(document.cookie, workspaceStore.get()) })],
});

/**
 * Query-option factories for every procedure, e.g. `useQuery(trpc.journeys.list.queryOptions())`.
 * A client-only app with one QueryClient needs no React context for this (tRPC's
 * "set up without React context").
 */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

function recheckSession(error: unknown, failedKey: QueryKey | null): void {
  const code = apiErrorCode(error);
  if (code !== 'UNAUTHORIZED' && code !== 'FORBIDDEN') return;
  const me = trpc.account.me.queryKey();
  // The sign-in gate reads `me` itself; re-reading it after its own refusal would loop.
  if (failedKey && hashKey(failedKey) === hashKey(me)) return;
  void queryClient.invalidateQueries({ queryKey: me, exact: true });
}

export type Me = inferOutput<typeof trpc.account.me>;
export type MyWorkspace = Me['workspaces'][number];
export type Role = MyWorkspace['role'];
export type Member = inferOutput<typeof trpc.members.list>[number];
export type ApiToken = inferOutput<typeof trpc.tokens.list>[number];
export type AuditEntry = inferOutput<typeof trpc.audit.list>[number];
export type WorkspaceInfo = inferOutput<typeof trpc.system.workspace>;
export type HealthReport = inferOutput<typeof trpc.system.health>;
export type CatalogueEntry = inferOutput<typeof trpc.system.catalogue>[number];
export type JourneySummary = inferOutput<typeof trpc.journeys.list>[number];
export type JourneyDetail = inferOutput<typeof trpc.journeys.get>;
export type JourneyVersion = JourneyDetail['versions'][number];
export type SavedGraph = NonNullable<JourneyDetail['graph']>;
export type JourneyStatus = JourneyDetail['status'];
export type JourneyStats = inferOutput<typeof trpc.journeys.stats>;
export type ContactDetail = inferOutput<typeof trpc.contacts.get>;
export type ContactJourney = ContactDetail['journeys'][number];
export type TrailVisit = inferOutput<typeof trpc.contacts.trail>[number];
export type LedgerMessage = inferOutput<typeof trpc.outbox.messages>[number];
export type CaughtMail = inferOutput<typeof trpc.outbox.mailbox>[number];
export type DebuggerCall = inferOutput<typeof trpc.events.recent>[number];
export type DebuggerCounts = inferOutput<typeof trpc.events.counts>;
