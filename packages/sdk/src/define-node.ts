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
   * happened ("sent", "skipped"…), which the visit log records instead of the output's name,
   * and why it did not act (`reason`, kept on the contact's trail).
   */
  run(context: NodeContext, config: z.infer<Config>, deps: Deps): Promise<{ output: string; outcome?: string; reason?: string }>;
}

/**
 * Any action node, whatever its config and deps: what registries and loaders hold. Each node
 * narrows its own deps, so a list of them cannot name one deps type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyNodeDefinition = NodeDefinition<z.ZodType, any>;

/**
 * What defineNode takes. Besides the required parts, a node may say how the editor shows it:
 * `summary` (a Liquid template over its config for the canvas card; default: the title),
 * `ui` (inspector widgets per field), `defaults` (the config of a freshly dropped node) and
 * `outputLabels` (what each output is called). An action always compiles to an action node,
 * so it takes no `compile`.
 */
export type NodeDefinitionInput<Config extends z.ZodType, Deps> = Omit<NodeDefinition<Config, Deps>, 'category' | 'description' | 'summary' | 'compile' | 'group'> & {
  description?: string;
  summary?: string;
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
 *   summary: 'Open a ticket in {{ queue | default: "(no queue set)" }}', defaults: { queue: 'support' },
 *   async run(ctx, config, deps: { helpdesk: Helpdesk }) {
 *     await deps.helpdesk.open(config.queue, ctx.contactId, { idempotencyKey: ctx.idempotencyKey });
 *     return { output: 'next' };
 *   },
 * });
 */
export function defineNode<Config extends z.ZodType, Deps>(definition: NodeDefinitionInput<Config, Deps>): NodeDefinition<Config, Deps> {
  return { ...definition, description: definition.description ?? definition.title, summary: definition.summary ?? definition.title, category: 'action' };
}
