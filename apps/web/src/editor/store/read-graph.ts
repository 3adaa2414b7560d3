import { journeyGraphSchema, type JourneyGraphInput } from '@tend/journey/editor';
import type { EditorEdge, EditorMeta, EditorNode } from './editor-types';

export interface ReadGraph {
  meta: EditorMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * A saved graph as the editor holds it. A graph that does not parse (a draft saved half-done,
 * a file edited by hand) is read leniently: whatever has the right shape is kept, so the
 * marketer sees it and the validator lists what is wrong, instead of a blank page.
 */
export function readGraph(input: unknown): ReadGraph {
  const parsed = journeyGraphSchema.safeParse(input);
  const graph: Loose = parsed.success ? (parsed.data as Loose) : isObject(input) ? input : {};
  return {
    meta: readMeta(graph),
    nodes: readNodes(graph.nodes),
    edges: readEdges(graph.edges),
  };
}

function readMeta(graph: Loose): EditorMeta {
  const meta: EditorMeta = {
    id: text(graph.id) ?? '',
    name: text(graph.name) ?? '',
    settings: isObject(graph.settings) ? graph.settings : {},
  };
  const description = text(graph.description);
  const lifecycle = text(graph.lifecycle);
  if (description !== undefined) meta.description = description;
  if (lifecycle !== undefined) meta.lifecycle = lifecycle;
  return meta;
}

function readNodes(value: unknown): EditorNode[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  return value.flatMap((node): EditorNode[] => {
    if (!isObject(node)) return [];
    const id = text(node.id);
    // A node without an id (or a second one with the same id) cannot be addressed by edges or problems.
    if (!id || seen.has(id)) return [];
    seen.add(id);
    const position = isObject(node.position) ? node.position : {};
    return [
      {
        id,
        type: text(node.type) ?? '',
        version: finite(node.version) ?? 1,
        position: { x: finite(position.x) ?? 0, y: finite(position.y) ?? 0 },
        data: isObject(node.data) ? node.data : {},
      },
    ];
  });
}

function readEdges(value: unknown): EditorEdge[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  return value.flatMap((edge, index): EditorEdge[] => {
    if (!isObject(edge)) return [];
    const source = text(edge.source);
    const target = text(edge.target);
    if (!source || !target) return [];
    let id = text(edge.id) || `edge-${index + 1}`;
    while (seen.has(id)) id = `${id}-copy`;
    seen.add(id);
    return [{ id, source, target, sourceHandle: text(edge.sourceHandle) ?? null }];
  });
}

/** The graph to save and publish: config and positions only, no canvas state. */
export function writeGraph({ meta, nodes, edges }: ReadGraph): JourneyGraphInput {
  const graph: Loose = { id: meta.id, name: meta.name };
  if (meta.description !== undefined && meta.description !== '') graph.description = meta.description;
  if (meta.lifecycle !== undefined && meta.lifecycle !== '') graph.lifecycle = meta.lifecycle;
  graph.settings = meta.settings;
  graph.nodes = nodes.map(({ id, type, version, position, data }) => ({
    id,
    type,
    version,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    data,
  }));
  graph.edges = edges.map(({ id, source, target, sourceHandle }) => ({ id, source, target, sourceHandle }));
  // Settings and lifecycle are whatever the marketer typed: the validator says what is wrong with them.
  return graph as JourneyGraphInput;
}
