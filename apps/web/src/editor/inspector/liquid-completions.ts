import type { Completion } from '@codemirror/autocomplete';

/** What every contact has, besides the workspace's own traits (see the channels' template scope). */
const contactBasics = ['email', 'phone', 'firstName', 'lastName', 'userId', 'id', 'timezone'];

export interface LiquidNames {
  traits: readonly { name: string; example: string | null }[];
  /** Properties of the journey's entry event. */
  eventProperties: readonly { name: string; example: string | null }[];
}

export const liquidRoots: readonly Completion[] = [
  { label: 'contact', type: 'variable', detail: 'the profile' },
  { label: 'event', type: 'variable', detail: 'the entry event' },
];

/**
 * Completions after a dot: `contact.` offers traits, `event.` its name and properties,
 * `event.properties.` the entry event's property keys.
 */
export function liquidProperties(path: readonly string[], names: LiquidNames): Completion[] {
  const key = path.join('.');
  if (key === 'contact') {
    const seen = new Set<string>();
    const completions: Completion[] = [];
    for (const trait of [...contactBasics.map((name) => ({ name, example: null })), ...names.traits]) {
      if (seen.has(trait.name)) continue;
      seen.add(trait.name);
      completions.push({ label: trait.name, type: 'property', detail: trait.example ?? undefined });
    }
    return completions;
  }
  if (key === 'event') return [{ label: 'name', type: 'property' }, { label: 'properties', type: 'property' }];
  if (key === 'event.properties') return names.eventProperties.map((property) => ({ label: property.name, type: 'property', detail: property.example ?? undefined }));
  return [];
}

/** The smallest edit turning `from` into `to`, so an outside change keeps the cursor where it was. */
export function minimalChange(from: string, to: string): { from: number; to: number; insert: string } | null {
  if (from === to) return null;
  let start = 0;
  const shorter = Math.min(from.length, to.length);
  while (start < shorter && from[start] === to[start]) start += 1;
  let end = 0;
  while (end < shorter - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end += 1;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}
