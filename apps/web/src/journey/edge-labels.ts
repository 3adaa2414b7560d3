import type { SavedGraph } from '../trpc';
import { outcomeOutput, outputLabel } from './node-outputs';
import { formatCount, type VisitCount } from './node-stats';

/**
 * Labels for edges that leave by a named output: "Already ordered", "timed out", and, once
 * live counts are in, how many contacts took that way ("Already ordered · 12"). Edges leaving
 * by "next" or without a sourceHandle need no label: there is only one way out.
 */
export function edgeLabels(graph: SavedGraph, visits?: readonly VisitCount[], locale?: string): Map<string, string> {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const labels = new Map<string, string>();
  for (const edge of graph.edges) {
    const handle = edge.sourceHandle;
    const source = nodes.get(edge.source);
    if (!handle || handle === 'next' || !source) continue;
    const data = source.data ?? {};
    const label = outputLabel(source.type, data, handle);
    if (!visits) {
      labels.set(edge.id, label);
      continue;
    }
    const taken = visits
      .filter((visit) => visit.nodeId === source.id && outcomeOutput(source.type, data, visit.outcome) === handle)
      .reduce((sum, visit) => sum + visit.count, 0);
    labels.set(edge.id, `${label} · ${formatCount(taken, locale)}`);
  }
  return labels;
}
