import type { CatalogueEntry } from '@tend/journey/editor';

export type NodeGroup = CatalogueEntry['group'];

/** How each palette group looks on the canvas: an icon (decorative: the title says what it is). */
export const groupLooks: Record<NodeGroup | 'unknown', { icon: string; label: string }> = {
  entries: { icon: '⚡', label: 'Entry' },
  waits: { icon: '◔', label: 'Wait' },
  logic: { icon: '⋔', label: 'Logic' },
  actions: { icon: '✉', label: 'Action' },
  unknown: { icon: '?', label: 'Unknown type' },
};

export const groupOrder: readonly NodeGroup[] = ['entries', 'waits', 'logic', 'actions'];

export const groupTitles: Record<NodeGroup, string> = {
  entries: 'Entries',
  waits: 'Waits',
  logic: 'Logic',
  actions: 'Actions',
};

/** The catalogue in palette order: groups as above, entries in catalogue order within each. */
export function groupCatalogue(entries: readonly CatalogueEntry[]): { group: NodeGroup; entries: CatalogueEntry[] }[] {
  // Only the newest version of a type is offered for new nodes.
  const latest = new Map<string, CatalogueEntry>();
  for (const entry of entries) {
    const known = latest.get(entry.type);
    if (!known || entry.version > known.version) latest.set(entry.type, entry);
  }
  return groupOrder
    .map((group) => ({ group, entries: [...latest.values()].filter((entry) => entry.group === group) }))
    .filter(({ entries: inGroup }) => inGroup.length > 0);
}

/** Entries whose title, type or description match what was typed, titles first. */
export function searchCatalogue(entries: readonly CatalogueEntry[], query: string): CatalogueEntry[] {
  const all = groupCatalogue(entries).flatMap(({ entries: inGroup }) => inGroup);
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return all;
  const score = (entry: CatalogueEntry) => {
    const title = entry.title.toLowerCase();
    const text = `${title} ${entry.type} ${entry.description}`.toLowerCase();
    if (!words.every((word) => text.includes(word))) return -1;
    return words.every((word) => title.includes(word)) ? (title.startsWith(words[0] as string) ? 2 : 1) : 0;
  };
  return all
    .map((entry) => ({ entry, score: score(entry) }))
    .filter(({ score: value }) => value >= 0)
    .sort((a, b) => b.score - a.score)
    .map(({ entry }) => entry);
}
