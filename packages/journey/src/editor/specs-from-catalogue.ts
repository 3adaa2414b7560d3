import { z } from 'zod';
import type { CatalogueEntry } from '../nodes/catalogue-entry.js';
import { findNodeSpec } from '../nodes/catalogue.js';
import type { NodeSpec } from '../nodes/node-spec.js';

/**
 * NodeSpecs for the catalogue's custom nodes (the built-in ones are here already), so the
 * browser validates a journey with the same validator as publish. The config schema comes back
 * from its JSON Schema: types, required fields, patterns and bounds hold, but custom messages and
 * refinements do not (publish still checks with the node's own zod schema). A custom node
 * whose outputs follow from its config is given the single "next".
 */
export function specsFromCatalogue(entries: readonly CatalogueEntry[]): NodeSpec[] {
  return entries
    .filter((entry) => !findNodeSpec(entry.type, entry.version))
    .map((entry) => ({
      type: entry.type,
      version: entry.version,
      category: entry.category,
      group: entry.group,
      title: entry.title,
      description: entry.description,
      config: configFrom(entry.configSchema),
      outputs: (entry.outputs ?? [{ id: 'next', label: 'next' }]).map((output) => output.id),
      outputLabels: Object.fromEntries((entry.outputs ?? []).map((output) => [output.id, output.label])),
      summary: entry.summary,
      ui: entry.ui,
      defaults: entry.defaults,
    }));
}

/** The config's zod schema; a JSON Schema zod cannot read accepts any object (publish has the last word). */
function configFrom(schema: CatalogueEntry['configSchema']): z.ZodType {
  try {
    return z.fromJSONSchema(schema);
  } catch {
    return z.record(z.string(), z.unknown());
  }
}
