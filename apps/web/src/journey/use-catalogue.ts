import { useQuery } from '@tanstack/react-query';
import { trpc, type CatalogueEntry } from '../trpc';

/** The node catalogue changes only when the server restarts, so it is fetched once. */
export function useCatalogue() {
  return useQuery(trpc.system.catalogue.queryOptions(undefined, { staleTime: Infinity }));
}

/** The catalogue entry of a node type, or undefined while loading or for a type the server does not know. */
export function useNodeSpec(type: string | null): CatalogueEntry | undefined {
  return useCatalogue().data?.find((entry) => entry.type === type);
}
