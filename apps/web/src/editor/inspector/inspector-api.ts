import { useMutation, useQuery } from '@tanstack/react-query';
import { trpc } from '../../trpc';

/**
 * The server reads the inspector makes, in one place: pickers (events, properties, traits,
 * contacts) and the message preview and test send. Pickers are suggestions: a slow or refused
 * read leaves the text box usable, so errors are not shown here.
 */

const pickerStale = 60_000;
const noNames: { name: string; example: string | null }[] = [];
const noEvents: { name: string; count: number; lastSeen: string }[] = [];

export function useEventNames() {
  return useQuery(trpc.events.names.queryOptions({}, { staleTime: pickerStale })).data ?? noEvents;
}

export function useEventProperties(event: string | null | undefined) {
  const name = event?.trim() ?? '';
  return useQuery(trpc.events.properties.queryOptions({ event: name }, { staleTime: pickerStale, enabled: name !== '' })).data ?? noNames;
}

export function useTraitNames() {
  return useQuery(trpc.contacts.traitNames.queryOptions(undefined, { staleTime: pickerStale })).data ?? noNames;
}

/** The email library (templates.list): the send-email step's picker, and what journey validation checks against. */
export function useEmailTemplates() {
  return useQuery(trpc.templates.list.queryOptions(undefined, { staleTime: 10_000 }));
}

/** The workspace's subscription topics (policy.topics, by name): the message steps' picker, and what journey validation checks against. */
export function useTopics() {
  return useQuery(trpc.policy.topics.queryOptions(undefined, { staleTime: 10_000 }));
}

export function useContactSearch(search: string) {
  return useQuery(trpc.contacts.search.queryOptions({ search, limit: 8 }, { staleTime: 10_000, placeholderData: (previous) => previous }));
}

export function usePreviewMutation() {
  return useMutation(trpc.messages.preview.mutationOptions());
}

export function useSendTestMutation() {
  return useMutation(trpc.messages.sendTest.mutationOptions());
}
