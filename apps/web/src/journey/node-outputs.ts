import { nonEmptyString } from './config-text';
import type { OutcomeCount } from './node-stats';

/** One way out of a node: the handle id edges name as `sourceHandle`, and what to call it. */
export interface NodeOutput {
  id: string;
  label: string;
}

type Config = Readonly<Record<string, unknown>>;

const fixedLabels: Record<string, string> = { happened: 'happened', 'timed-out': 'timed out', else: 'else' };

/**
 * A node's outputs, in the order the engine declares them. `declared` is the catalogue's
 * list; it is null for branch and split, whose outputs follow from the config (a branch's case
 * ids then "else", a split's path ids), and undefined while the catalogue loads or for a type
 * it does not know, when the node is given the single "next" output.
 */
export function nodeOutputs(type: string, data: Config, declared: readonly string[] | null | undefined): NodeOutput[] {
  if (type === 'branch') return [...configuredOutputs(data.cases), { id: 'else', label: 'else' }];
  if (type === 'split') return configuredOutputs(data.paths);
  return (declared ?? ['next']).map((id) => ({ id, label: fixedLabels[id] ?? id }));
}

/** Branch cases and split paths: `{ id, label }` entries; one without an id has no handle. */
function configuredOutputs(entries: unknown): NodeOutput[] {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry) => {
    const { id, label } = (entry ?? {}) as Record<string, unknown>;
    const outputId = nonEmptyString(id);
    return outputId ? [{ id: outputId, label: nonEmptyString(label) ?? outputId }] : [];
  });
}

/**
 * The output a visit outcome chose, for the nodes that choose between outputs (branch,
 * split, wait for event); null for any other node or outcome. The engine records a branch or
 * split by its label ("branch:Already ordered"), so those are matched back to the output id.
 */
export function outcomeOutput(type: string, data: Config, outcome: string): string | null {
  if (type === 'branch' && outcome.startsWith('branch:')) {
    const label = outcome.slice('branch:'.length);
    if (label === 'else') return 'else';
    return nodeOutputs(type, data, null).find((output) => output.label === label)?.id ?? null;
  }
  if (type === 'split' && outcome.startsWith('split:')) {
    const label = outcome.slice('split:'.length);
    return nodeOutputs(type, data, null).find((output) => output.label === label)?.id ?? null;
  }
  if (type === 'wait-for-event') return outcome === 'happened' || outcome === 'timed-out' ? outcome : null;
  return null;
}

/** How many visits left by each output, for nodes that choose between outputs. */
export function countsByOutput(type: string, data: Config, counts: readonly OutcomeCount[]): Map<string, number> {
  const byOutput = new Map<string, number>();
  for (const { outcome, count } of counts) {
    const output = outcomeOutput(type, data, outcome);
    if (output !== null) byOutput.set(output, (byOutput.get(output) ?? 0) + count);
  }
  return byOutput;
}
