import type { z } from 'zod';

/** Who the action runs for, and the key that makes its side effects happen once. */
export interface NodeContext {
  workspaceId: string;
  contactId: string;
  journeyId: string;
  nodeId: string;
  /**
   * Stable across retries of the same visit, different for every visit: derived from
   * (workflow id, run id, node id, visit). Use it to make external calls idempotent.
   */
  idempotencyKey: string;
  /** The event that made the contact enter (templates read it as {{ event.* }}). */
  entryEvent: { name: string | null; properties: Record<string, unknown> };
}

export interface NodeDefinition<Config extends z.ZodType, Deps> {
  /** Stable id, e.g. "send-email" or "acme.create-ticket". Never renamed. */
  type: string;
  /** Integer version; a changed config shape gets a new version, old ones stay registered. */
  version: number;
  title: string;
  config: Config;
  /** Named outputs; a function when they follow from the config. */
  outputs: readonly string[] | ((config: z.infer<Config>) => string[]);
  /** Does the work; returns the output to follow (one of `outputs`). */
  run(context: NodeContext, config: z.infer<Config>, deps: Deps): Promise<{ output: string }>;
}

/**
 * Declares an action node: its config schema (shown in the editor's inspector), its outputs
 * and what it does when a contact reaches it. The worker registers `run` behind an activity.
 *
 * @example
 * export const tagContact = defineNode({
 *   type: 'acme.tag-contact', version: 1, title: 'Tag contact',
 *   config: z.object({ tag: z.string() }), outputs: ['next'],
 *   async run(ctx, config, deps: { crm: Crm }) {
 *     await deps.crm.tag(ctx.contactId, config.tag, { idempotencyKey: ctx.idempotencyKey });
 *     return { output: 'next' };
 *   },
 * });
 */
export function defineNode<Config extends z.ZodType, Deps>(definition: NodeDefinition<Config, Deps>): NodeDefinition<Config, Deps> {
  return definition;
}
