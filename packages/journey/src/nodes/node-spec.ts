import type { z } from 'zod';

export type NodeCategory = 'trigger' | 'control' | 'action';

/**
 * What the editor, the validator and the compiler know of a node type: its config schema
 * and its outputs. How an action runs lives with the worker (see @tend/sdk defineNode).
 */
export interface NodeSpec<Config extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  config: Config;
  /** Named outputs; a node with one output uses "next". An empty list ends the journey. */
  outputs: readonly string[];
}

export function nodeSpec<Config extends z.ZodType>(spec: NodeSpec<Config>): NodeSpec<Config> {
  return spec;
}
