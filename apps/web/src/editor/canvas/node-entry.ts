import type { CatalogueEntry } from '@tend/journey/editor';

/** A node's catalogue entry: its version if listed, else the newest of its type. */
export function findEntry(catalogue: readonly CatalogueEntry[], type: string, version: number): CatalogueEntry | undefined {
  let latest: CatalogueEntry | undefined;
  for (const entry of catalogue) {
    if (entry.type !== type) continue;
    if (entry.version === version) return entry;
    if (!latest || entry.version > latest.version) latest = entry;
  }
  return latest;
}

export function isTrigger(entry: CatalogueEntry | undefined, type: string): boolean {
  return entry ? entry.category === 'trigger' : type.startsWith('trigger.');
}
