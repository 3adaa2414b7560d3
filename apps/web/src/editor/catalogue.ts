import type { CatalogueEntry } from '@tend/journey/editor';
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../trpc';

export type { CatalogueEntry } from '@tend/journey/editor';

/** The node catalogue changes only when the server restarts, so it is fetched once. */
export function useCatalogue() {
  return useQuery(
    trpc.system.catalogue.queryOptions(undefined, {
      staleTime: Infinity,
      // The server sends the same JSON @tend/journey/editor describes.
      select: (entries) => entries as unknown as CatalogueEntry[],
    }),
  );
}

/** The entry of a node type at a version (else its latest), or undefined while loading or when unknown. */
export function useCatalogueEntry(type: string | null | undefined, version?: number): CatalogueEntry | undefined {
  const entries = useCatalogue().data;
  if (!entries || !type) return undefined;
  return (
    entries.find((entry) => entry.type === type && entry.version === version) ??
    entries
      .filter((entry) => entry.type === type)
      .reduce<CatalogueEntry | undefined>((latest, entry) => (!latest || entry.version > latest.version ? entry : latest), undefined)
  );
}
