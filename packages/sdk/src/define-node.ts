import type { NodeSpec } from '@tend/journey';
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

/**
 * An action node: what the editor and the validator know of it (a NodeSpec: stable `type`,
 * integer `version`, zod `config`, named `outputs`) plus what it does (`run`).
 */
export interface NodeDefinition<Config extends z.ZodType, Deps> extends NodeSpec<Config> {
  category: 'action';
  /**
   * Does the work; returns the output to follow (one of `outputs`) and, optionally, what
   * happened ("sent", "skipped"…), which the visit log records instead of the output's name.
   */
  run(context: NodeContext, config: z.infer<Config>, deps: Deps): Promise<{ output: string; outcome?: string }>;
}

/**
 * Any action node, whatever its config and deps: what registries and loaders hold. Each node
 * narrows its own deps, so a list of them cannot name one deps type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyNodeDefinition = NodeDefinition<z.ZodType, any>;

export type NodeDefinitionInput<Config extends z.ZodType, Deps> = Omit<NodeDefinition<Config, Deps>, 'category' | 'description'> & {
  description?: string;
};

/**
 * Declares an action node: its config schema (the editor renders its inspector from it), its
 * outputs and what it does when a contact reaches it. The worker runs `run` inside an activity,
 * so it may do I/O; it must use `context.idempotencyKey` so a retried activity acts once.
 *
 * @example
 * export const createTicket = defineNode({
 *   type: 'acme.create-ticket', version: 1, title: 'Create support ticket',
 *   config: z.object({ queue: z.string() }), outputs: ['next'],
 *   async run(ctx, config, deps: { helpdesk: Helpdesk }) {
 *     await deps.helpdesk.open(config.queue, ctx.contactId, { idempotencyKey: ctx.idempotencyKey });
 *     return { output: 'next' };
 *   },
 * });
 */
export function defineNode<Config extends z.ZodType, Deps>(definition: NodeDefinitionInput<Config, Deps>): NodeDefinition<Config, Deps> {
  return { description: definition.title, ...definition, category: 'action' };
}
