import type { z } from 'zod';
import type { IrGoal, IrNode, IrTrigger } from '../ir/types.js';

export type NodeCategory = 'trigger' | 'control' | 'action';

/** Where the editor's palette lists a node: triggers, waits, flow logic, actions. */
export type NodeGroup = 'entries' | 'waits' | 'logic' | 'actions';

/**
 * The widget the editor's inspector uses for a config field, keyed by the field's dotted path
 * ("timeout", "cases[].condition": "[]" stands for every item of an array; "" for the config
 * as a whole, as a wait's config is itself a duration).
 */
export type UiHint =
  | 'duration'
  | 'time-of-day'
  | 'weekdays'
  | 'time-zone'
  | 'event-name'
  | 'property-name'
  | 'trait-name'
  | 'liquid'
  | 'liquid-html'
  /** A template of the workspace's email library, by id. */
  | 'email-template'
  /** A subscription topic of the workspace, by id. */
  | 'topic'
  | 'condition'
  | 'property-filters'
  | 'headers'
  | 'cron'
  | 'hidden';

/** One way out of a node: the id edges name as `sourceHandle`, and what the editor calls it. */
export interface NodeOutput {
  id: string;
  label: string;
}

/** What the compiler hands a node's `compile`: where the node is and where each output leads. */
export interface CompileContext {
  id: string;
  type: string;
  version: number;
  /** The node an output's edge leads to; null when the output ends the journey. */
  to(output?: string): string | null;
}

/** A compiled node: a trigger, or an interpreter node (a goal also adds its conversion matcher). */
export type CompiledNode = { trigger: IrTrigger } | { node: IrNode; goal?: IrGoal };

/**
 * Everything Tend knows of a node type, in one place: its config schema and outputs (what
 * publish validates), how it compiles to the IR, and how the editor shows it (palette group,
 * output labels, a one-line summary, inspector widgets, the config of a fresh node). How an
 * action runs lives with the worker (see @tend/sdk defineNode).
 */
export interface NodeSpec<Config extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  category: NodeCategory;
  /** Palette group; when absent it follows from the category: entries, logic, actions (see `groupOf`). */
  group?: NodeGroup;
  title: string;
  description: string;
  config: Config;
  /**
   * Named outputs; a node with one output uses "next", and an empty list ends the journey.
   * A function when the outputs follow from the config (a branch's cases, a split's paths).
   */
  outputs: readonly string[] | OutputsFromConfig<z.infer<Config>>;
  /** What the editor calls each fixed output ("timed-out" → "timed out"); absent: its id. */
  outputLabels?: Readonly<Record<string, string>>;
  /**
   * With outputs that follow from the config: the outputs and their labels for a config that
   * may be incomplete (a draft being edited). Must never throw.
   */
  draftOutputs?: (config: Readonly<Record<string, unknown>>) => NodeOutput[];
  /**
   * A Liquid template over the config giving a one-line summary ("Wait {{ config | duration }}"),
   * rendered by `summarizeNode` with its filters (duration, plural, list, weekdays, text,
   * count, keys, strings, oneline, number). The config may be incomplete: say what is missing.
   */
  summary: string;
  /** Inspector widgets per config field (see UiHint). */
  ui?: Readonly<Record<string, UiHint>>;
  /** The config of a node freshly dropped on the canvas; may be incomplete (problems then show). */
  defaults?: Readonly<Record<string, unknown>>;
  /**
   * The IR of a node with this (valid) config. Absent for actions: they compile to an action
   * node that the worker runs by type and version.
   */
  compile?: CompileFromConfig<z.infer<Config>>;
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

/** Method syntax keeps these bivariant, so a spec with a narrow config still is a NodeSpec. */
type OutputsFromConfig<Config> = { outputs(config: Config): string[] }['outputs'];
type CompileFromConfig<Config> = { compile(config: Config, context: CompileContext): CompiledNode }['compile'];

export function nodeSpec<Config extends z.ZodType>(spec: NodeSpec<Config>): NodeSpec<Config> {
  return spec;
}

/** The outputs of a node with this (already valid) config. */
export function outputsOf(spec: NodeSpec, config: unknown): string[] {
  return typeof spec.outputs === 'function' ? spec.outputs(config) : [...spec.outputs];
}

/** The fixed outputs with their labels; null when they follow from the config. */
export function fixedOutputs(spec: NodeSpec): NodeOutput[] | null {
  if (typeof spec.outputs === 'function') return null;
  return spec.outputs.map((id) => ({ id, label: spec.outputLabels?.[id] ?? id }));
}

const groupsByCategory: Record<NodeCategory, NodeGroup> = { trigger: 'entries', control: 'logic', action: 'actions' };

/** The palette group: declared (the waits declare theirs), or from the category. */
export function groupOf(spec: Pick<NodeSpec, 'category' | 'group'>): NodeGroup {
  return spec.group ?? groupsByCategory[spec.category];
}
