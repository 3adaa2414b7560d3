import type { ClipboardPayload, EditorEdge, EditorNode, InsertAt, NewNode } from './editor-types';
import { newEdgeId, newNodeId } from './node-ids';

/** Nodes and edges: what every edit here takes and returns. Pure functions, no store. */
export interface Graph {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

/** A node's output ids in order, for its current config (from the catalogue). */
export type OutputsOf = (node: EditorNode) => string[];

/** How far apart new nodes are placed, in canvas pixels: a card is about 260 × 90. */
export const rowGap = 150;
export const columnGap = 290;

/** The output an edge leaves by: an edge without a handle leaves by the node's first output. */
export function edgeOutput(edge: EditorEdge, outputs: readonly string[]): string | null {
  return edge.sourceHandle ?? outputs[0] ?? null;
}

/** The node's first output that no edge leaves by, or null when all are connected. */
export function freeOutput(node: EditorNode, edges: readonly EditorEdge[], outputsOf: OutputsOf): string | null {
  const outputs = outputsOf(node);
  const used = new Set(edges.filter((edge) => edge.source === node.id).map((edge) => edgeOutput(edge, outputs)));
  return outputs.find((output) => !used.has(output)) ?? null;
}

/**
 * An edge from one output of `source` to `target`. An output leads to one place only, so
 * an edge already leaving by that output is replaced.
 */
export function connect(
  graph: Graph,
  link: { source: string; sourceHandle: string | null; target: string },
  outputsOf: OutputsOf,
): Graph {
  const source = graph.nodes.find((node) => node.id === link.source);
  if (!source || link.source === link.target || !graph.nodes.some((node) => node.id === link.target)) return graph;
  const outputs = outputsOf(source);
  const output = link.sourceHandle ?? outputs[0] ?? null;
  const kept = graph.edges.filter((edge) => edge.source !== link.source || edgeOutput(edge, outputs) !== output);
  const edge: EditorEdge = {
    id: newEdgeId(link.source, link.target, new Set(kept.map((edge) => edge.id))),
    source: link.source,
    target: link.target,
    sourceHandle: output,
  };
  return { nodes: graph.nodes, edges: [...kept, edge] };
}

/** Moves an existing edge's ends (drag an edge end onto another handle). */
export function reconnect(
  graph: Graph,
  edgeId: string,
  link: { source: string; sourceHandle: string | null; target: string },
  outputsOf: OutputsOf,
): Graph {
  const without = { nodes: graph.nodes, edges: graph.edges.filter((edge) => edge.id !== edgeId) };
  const result = connect(without, link, outputsOf);
  return result === without ? graph : result;
}

/** Where a node placed "at the end" goes: under the lowest node, or at the origin. */
export function belowLowest(nodes: readonly EditorNode[]): { x: number; y: number } {
  const lowest = nodes.reduce<EditorNode | null>((low, node) => (!low || node.position.y > low.position.y ? node : low), null);
  return lowest ? { x: lowest.position.x, y: lowest.position.y + rowGap } : { x: 0, y: 0 };
}

export function addNode(graph: Graph, spec: NewNode, position: { x: number; y: number }): { graph: Graph; id: string } {
  const id = newNodeId(spec.type, new Set(graph.nodes.map((node) => node.id)));
  const node: EditorNode = { id, type: spec.type, version: spec.version, position, data: spec.data ?? {} };
  return { graph: { nodes: [...graph.nodes, node], edges: graph.edges }, id };
}

/**
 * A new node in the flow. Into an edge: source → new → old target, the new node's first
 * output continuing, and everything downstream moved down a row to make room. After an
 * output: source → new, under that output.
 */
export function insertNode(graph: Graph, spec: NewNode, at: InsertAt, outputsOf: OutputsOf): { graph: Graph; id: string } | null {
  if ('edgeId' in at) {
    const edge = graph.edges.find((candidate) => candidate.id === at.edgeId);
    const source = edge && graph.nodes.find((node) => node.id === edge.source);
    const target = edge && graph.nodes.find((node) => node.id === edge.target);
    if (!edge || !source || !target) return null;
    const moved = shiftDown(graph, target.id, source.id);
    const added = addNode(
      { nodes: moved, edges: graph.edges.filter((candidate) => candidate.id !== edge.id) },
      spec,
      target.position,
    );
    const sourceHandle = edgeOutput(edge, outputsOf(source));
    let next = connect(added.graph, { source: source.id, sourceHandle, target: added.id }, outputsOf);
    const created = next.nodes.find((node) => node.id === added.id);
    const firstOutput = created ? outputsOf(created)[0] : undefined;
    if (firstOutput !== undefined) next = connect(next, { source: added.id, sourceHandle: firstOutput, target: target.id }, outputsOf);
    return { graph: next, id: added.id };
  }
  const source = graph.nodes.find((node) => node.id === at.source);
  if (!source) return null;
  const outputs = outputsOf(source);
  const output = at.sourceHandle ?? outputs[0] ?? null;
  const index = Math.max(0, output === null ? 0 : outputs.indexOf(output));
  const offset = (index - (outputs.length - 1) / 2) * columnGap;
  const added = addNode(graph, spec, { x: source.position.x + offset, y: source.position.y + rowGap });
  return { graph: connect(added.graph, { source: source.id, sourceHandle: output, target: added.id }, outputsOf), id: added.id };
}

/** `from` and every node reachable from it, one row lower (not `stop`, where the walk began). */
function shiftDown(graph: Graph, from: string, stop: string): EditorNode[] {
  const moving = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (moving.has(id) || id === stop) continue;
    moving.add(id);
    for (const edge of graph.edges) if (edge.source === id) queue.push(edge.target);
  }
  return graph.nodes.map((node) =>
    moving.has(node.id) ? { ...node, position: { x: node.position.x, y: node.position.y + rowGap } } : node,
  );
}

/** Removes nodes, the edges touching them, and the given edges. */
export function deleteElements(graph: Graph, nodeIds: readonly string[], edgeIds: readonly string[]): Graph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    nodes: graph.nodes.filter((node) => !nodes.has(node.id)),
    edges: graph.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target)),
  };
}

/** The nodes, and the edges between them, as a clipboard payload. */
export function copyNodes(graph: Graph, nodeIds: readonly string[]): ClipboardPayload | null {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return null;
  return {
    tend: 'nodes',
    nodes: nodes.map(({ id, type, version, position, data }) => ({ id, type, version, position, data })),
    edges: graph.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map(({ id, source, target, sourceHandle }) => ({ id, source, target, sourceHandle })),
  };
}

/** Reads a clipboard payload back, or null for anything else on the clipboard. */
export function parseClipboard(value: unknown): ClipboardPayload | null {
  if (typeof value === 'string') {
    try {
      return parseClipboard(JSON.parse(value));
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const payload = value as Partial<ClipboardPayload>;
  if (payload.tend !== 'nodes' || !Array.isArray(payload.nodes) || !Array.isArray(payload.edges)) return null;
  const nodes = payload.nodes.filter(
    (node) => typeof node?.id === 'string' && typeof node.type === 'string' && typeof node.position?.x === 'number',
  );
  const edges = payload.edges.filter((edge) => typeof edge?.source === 'string' && typeof edge.target === 'string');
  return { tend: 'nodes', nodes, edges };
}

/**
 * Pasted nodes: fresh ids (readable, unique in this graph), positions offset from the
 * originals, the edges between them kept. Returns the new ids, which become the selection.
 */
export function pasteNodes(graph: Graph, payload: ClipboardPayload, offset: { x: number; y: number }): { graph: Graph; ids: string[] } {
  const taken = new Set(graph.nodes.map((node) => node.id));
  const ids = new Map<string, string>();
  const nodes: EditorNode[] = payload.nodes.map((node) => {
    const id = newNodeId(node.type, taken);
    taken.add(id);
    ids.set(node.id, id);
    return {
      id,
      type: node.type,
      version: typeof node.version === 'number' ? node.version : 1,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
      data: structuredClone(node.data ?? {}),
    };
  });
  const edgeIds = new Set(graph.edges.map((edge) => edge.id));
  const edges = payload.edges.flatMap((edge): EditorEdge[] => {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (!source || !target) return [];
    const id = newEdgeId(source, target, edgeIds);
    edgeIds.add(id);
    return [{ id, source, target, sourceHandle: edge.sourceHandle ?? null }];
  });
  return { graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, ids: [...ids.values()] };
}
