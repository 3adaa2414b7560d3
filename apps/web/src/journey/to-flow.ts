import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { SavedGraph } from '../trpc';

/** A node on the canvas: `data` is exactly the node's saved JSON config, nothing else. */
export type JourneyFlowNode = Node<Record<string, unknown>>;

/** The React Flow type for nodes whose type the console has no component for. */
export const unknownNodeType = 'unknown';

/**
 * The saved graph already has React Flow's shape; this only fills the defaults the schema
 * allows a file to omit, and routes node types without a component to the fallback.
 */
export function toFlowNodes(graph: SavedGraph, drawableTypes: ReadonlySet<string>): JourneyFlowNode[] {
  return graph.nodes.map((node) => ({
    id: node.id,
    type: drawableTypes.has(node.type) ? node.type : unknownNodeType,
    position: node.position ?? { x: 0, y: 0 },
    data: node.data ?? {},
  }));
}

/**
 * Edges carry no label: the node they leave names its outputs above their handles, where the
 * label stays readable when edges cross.
 */
export function toFlowEdges(graph: SavedGraph): Edge[] {
  return graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? null,
    markerEnd: { type: MarkerType.ArrowClosed },
  }));
}
