import type { z } from 'zod';
import type { NodeContext, NodeDefinition } from './define-node.js';

export interface RunNodeOptions<Deps> {
  /** The node's config as a marketer would save it; parsed with the node's schema first. */
  config: unknown;
  deps: Deps;
  context?: Partial<NodeContext>;
}

export type RunNodeResult =
  /** `outcome` is there when the node reports one ("sent", "skipped"…), as the visit log would record it. */
  | { ok: true; output: string; outcome?: string }
  | { ok: false; problems: { field: string; message: string }[] };

/**
 * Runs one action node the way the worker would, with no Temporal: the config is checked by the
 * node's schema (problems come back with their field, as publish would report them), `run` is
 * called with a sample context (override any of its fields with `context`), and the output it
 * returns must be one the node declares. The result carries that output, and the outcome when
 * the node reports one.
 *
 * @example
 * const result = await runNode(createTicket, { config: { queue: 'vip' }, deps: { helpdesk } });
 * expect(result).toEqual({ ok: true, output: 'next' });
 */
export async function runNode<Config extends z.ZodType, Deps>(
  node: NodeDefinition<Config, Deps>,
  options: RunNodeOptions<Deps>,
): Promise<RunNodeResult> {
  const parsed = node.config.safeParse(options.config);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
  const context: NodeContext = {
    workspaceId: 'test-workspace',
    contactId: 'test-contact',
    journeyId: 'test-journey',
    nodeId: node.type,
    idempotencyKey: `test/${node.type}/1`,
    entryEvent: { name: null, properties: {} },
    ...options.context,
  };
  const { output, outcome } = await node.run(context, parsed.data, options.deps);
  const outputs = typeof node.outputs === 'function' ? node.outputs(parsed.data) : node.outputs;
  if (!outputs.includes(output)) throw new Error(`node "${node.type}" returned output "${output}", which it does not declare (${outputs.join(', ')})`);
  return outcome === undefined ? { ok: true, output } : { ok: true, output, outcome };
}
