import { Graph, layout } from '@dagrejs/dagre';

/** A node card's size when the canvas has not measured it yet. */
export const defaultNodeSize = { width: 260, height: 90 };

/**
 * Tidy positions for a journey, top to bottom (dagre), by node id. Positions are top-left
 * corners, as React Flow places nodes; dagre works with centres. Pure: no DOM, no store.
 */
export function layoutGraph(
  nodes: readonly { id: string; width?: number; height?: number }[],
  edges: readonly { source: string; target: string }[],
): Map<string, { x: number; y: number }> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.width ?? defaultNodeSize.width, height: node.height ?? defaultNodeSize.height });
  }
  edges.forEach((edge, index) => {
    // An edge to a node that is not there (a half-edited draft) has nothing to lay out.
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, `e${index}`);
  });
  layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    const width = node.width ?? defaultNodeSize.width;
    const height = node.height ?? defaultNodeSize.height;
    positions.set(node.id, { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) });
  }
  return positions;
}
