import type { CatalogueEntry } from '../nodes/catalogue-entry.js';
import { findNodeSpec } from '../nodes/catalogue.js';
import { fixedOutputs, type NodeOutput } from '../nodes/node-spec.js';

/**
 * A node's outputs with their labels, in the order the engine declares them, for a config that
 * may be incomplete: a branch's cases then "else", a split's paths, or the fixed list. A type
 * the catalogue does not know (or still loading) gets the single "next". Never throws.
 */
export function nodeOutputs(entry: CatalogueEntry | undefined, type: string, config: Readonly<Record<string, unknown>>): NodeOutput[] {
  // Built-in nodes know their config-driven outputs; a catalogue entry can only list fixed ones.
  const spec = findNodeSpec(type, entry?.version ?? 1);
  if (spec?.draftOutputs) {
    try {
      return spec.draftOutputs(config);
    } catch {
      return [];
    }
  }
  const fixed = spec ? fixedOutputs(spec) : entry?.outputs;
  return (fixed ?? [{ id: 'next', label: 'next' }]).map((output) => ({ ...output }));
}
