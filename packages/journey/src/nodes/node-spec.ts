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
  /**
   * Named outputs; a node with one output uses "next", and an empty list ends the journey.
   * A function when the outputs follow from the config (a branch's cases, a split's paths).
   */
  outputs: readonly string[] | OutputsFromConfig<z.infer<Config>>;
  /** Config fields holding Liquid templates, checked at publish (syntax and variables). */
  templateFields?: readonly string[];
  /** Config fields holding a URL the server itself fetches: publish refuses internal targets there. */
  fetchedUrlFields?: readonly string[];
  /**
   * Config fields holding HTTP headers the server sends (name → value). Their values, and nothing
   * else of a config, may read workspace secrets as {{ secrets.NAME }}, filled in only when the
   * action runs; publish refuses a credential written out there (`Authorization: Bearer abc…`).
   */
  headerFields?: readonly string[];
  /** The channel an action sends on; publish refuses it when the server has no provider for it. */
  channel?: 'email' | 'sms' | 'push';
}

/** Method syntax keeps this bivariant, so a spec with a narrow config still is a NodeSpec. */
type OutputsFromConfig<Config> = { outputs(config: Config): string[] }['outputs'];

export function nodeSpec<Config extends z.ZodType>(spec: NodeSpec<Config>): NodeSpec<Config> {
  return spec;
}

/** The outputs of a node with this (already valid) config. */
export function outputsOf(spec: NodeSpec, config: unknown): string[] {
  return typeof spec.outputs === 'function' ? spec.outputs(config) : [...spec.outputs];
}
