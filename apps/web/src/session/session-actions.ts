import type { Query } from '@tanstack/react-query';
import { queryClient, trpc } from '../trpc';
import { workspaceStore } from './workspace-store';

const isAccountQuery = (query: Query) => Array.isArray(query.queryKey[0]) && query.queryKey[0][0] === 'account';

/**
 * Shows another workspace. Everything cached belongs to the one before, so it goes (the user's
 * account stays); the pages are keyed by workspace and fetch afresh when they mount again.
 */
export function switchWorkspace(id: string): void {
  if (id === workspaceStore.get()) return;
  queryClient.removeQueries({ predicate: (query) => !isAccountQuery(query) });
  workspaceStore.set(id);
}

/**
 * After signing in or out, or joining a workspace: drops every answer given to the previous
 * session and asks again who is signed in, which decides what the console shows next.
 */
export async function restartSession(): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => !isAccountQuery(query) });
  await queryClient.resetQueries({ queryKey: trpc.account.pathKey() });
}
