import type { AppRouter } from '@tend/server/router';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy, type inferOutput } from '@trpc/tanstack-react-query';

/** The console's one cache. Pages that show live data poll with `refetchInterval`. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1 } },
});

// The server has no transformer, so dates arrive as ISO strings, and the inferred types say so.
const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});

/**
 * Query-option factories for every procedure, e.g. `useQuery(trpc.journeys.list.queryOptions())`.
 * A client-only app with one QueryClient needs no React context for this (tRPC's
 * "set up without React context").
 */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

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
