import { nodeLookup, type JourneyGraphInput, type NodeSpec } from '@tend/journey';

/** Outcomes that left by no output: the contact stopped at the node. */
const leftByNoOutput = new Set(['exited', 'stopped', 'removed', 'moved']);

/**
 * The output id a visit recorded before `node_visits.output` was kept left by, from its outcome
 * and the version's graph: a branch case or split path by its label (as recorded then), wait
 * outcomes as they are, any outcome of a one-output node as that output. Null when unknown.
 */
export function legacyOutput(graph: JourneyGraphInput | undefined, nodeId: string, outcome: string, custom: readonly NodeSpec[] = []): string | null {
  if (leftByNoOutput.has(outcome)) return null;
  if (outcome === 'happened' || outcome === 'timed-out') return outcome;
  if (outcome === 'branch:else') return 'else';
  const node = graph?.nodes.find((candidate) => candidate.id === nodeId);
  if (outcome.startsWith('branch:')) return idByLabel(node?.data?.cases, outcome.slice('branch:'.length));
  if (outcome.startsWith('split:')) return idByLabel(node?.data?.paths, outcome.slice('split:'.length));
  if (!node) return null;
  const spec = nodeLookup(custom)(node.type, node.version ?? 1);
  if (!spec || typeof spec.outputs === 'function') return null;
  if (spec.outputs.includes(outcome)) return outcome;
  return spec.outputs.length === 1 ? spec.outputs[0]! : null;
}

function idByLabel(items: unknown, label: string): string | null {
  if (!Array.isArray(items)) return null;
  for (const item of items as unknown[]) {
    if (typeof item === 'object' && item !== null && (item as { label?: unknown }).label === label) {
      const id = (item as { id?: unknown }).id;
      return typeof id === 'string' ? id : null;
    }
  }
  return null;
}
