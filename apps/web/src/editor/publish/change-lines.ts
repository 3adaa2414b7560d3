import type { GraphDiff, JourneyGraphInput } from '@tend/journey/editor';

/** One line of "What changes", in the order added, changed, removed, edges, settings. */
export interface ChangeLine {
  kind: 'added' | 'removed' | 'changed' | 'connected' | 'disconnected' | 'settings';
  /** The node the line is about, for highlighting it; absent for edges and settings. */
  nodeId?: string;
  text: string;
}

/** How a node is named to a marketer, by id: its type's title and its id, e.g. "Wait (two-days)". */
export type NodeNamer = (nodeId: string) => string;

/** The diff as sentences; empty when nothing changed. */
export function changeLines(diff: GraphDiff, name: NodeNamer): ChangeLine[] {
  const edgeText = (edge: GraphDiff['edgesAdded'][number]) =>
    `${name(edge.source)}${edge.sourceHandle ? ` [${edge.sourceHandle}]` : ''} → ${name(edge.target)}`;
  return [
    ...diff.added.map((node): ChangeLine => ({ kind: 'added', nodeId: node.id, text: `Added ${name(node.id)}` })),
    ...diff.changed.map((node): ChangeLine => ({
      kind: 'changed',
      nodeId: node.id,
      text: `Changed ${name(node.id)}${node.fields.length > 0 ? `: ${node.fields.join(', ')}` : ''}`,
    })),
    ...diff.removed.map((node): ChangeLine => ({ kind: 'removed', nodeId: node.id, text: `Removed ${name(node.id)}` })),
    ...diff.edgesAdded.map((edge): ChangeLine => ({ kind: 'connected', text: `Connected ${edgeText(edge)}` })),
    ...diff.edgesRemoved.map((edge): ChangeLine => ({ kind: 'disconnected', text: `Disconnected ${edgeText(edge)}` })),
    ...(diff.settingsChanged.length > 0 ? [{ kind: 'settings' as const, text: `Journey settings: ${diff.settingsChanged.join(', ')}` }] : []),
  ];
}

/**
 * Names nodes of either graph (a removed node is only in the older one): the catalogue's title
 * for its type when known, else the type, then the id.
 */
export function nodeNamer(graphs: readonly (JourneyGraphInput | null)[], titleOf: (type: string) => string | undefined): NodeNamer {
  const types = new Map<string, string>();
  for (const graph of graphs) for (const node of graph?.nodes ?? []) if (!types.has(node.id)) types.set(node.id, node.type);
  return (nodeId) => {
    const type = types.get(nodeId);
    return type ? `${titleOf(type) ?? type} (${nodeId})` : nodeId;
  };
}
