import type { z } from 'zod';
import type { NodeCategory, NodeGroup, NodeOutput, UiHint } from './node-spec.js';

/** A catalogue entry as JSON: what `system.catalogue` returns for each node type. */
export interface CatalogueEntry {
  type: string;
  version: number;
  category: NodeCategory;
  /** Palette group: triggers are "entries", the waits "waits", branch/split/goal/exit "logic", actions "actions". */
  group: NodeGroup;
  title: string;
  description: string;
  /** Fixed outputs with labels; null when they follow from the config (branch cases + else, split paths). */
  outputs: NodeOutput[] | null;
  /** Liquid template of the config giving a one-line summary, e.g. "Wait {{ config | duration }}". */
  summary: string;
  /** The config's JSON Schema (zod's, for its input). */
  configSchema: z.core.JSONSchema.JSONSchema;
  /** Widgets per config field (dotted path, "[]" for array items). */
  ui: Record<string, UiHint>;
  /** Default config for a node freshly dropped on the canvas (may be incomplete: problems then show). */
  defaults: Record<string, unknown>;
}
