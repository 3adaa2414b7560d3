import { journeySettingsSchema, type JourneyGraphInput } from '../graph.js';

/** What changed between two graphs (live → draft), for the publish dialog. */
export interface GraphDiff {
  added: { id: string; type: string }[];
  removed: { id: string; type: string }[];
  /** Nodes in both, with what changed: "type", "version", and dotted paths of their config ("timeout.amount"). */
  changed: { id: string; type: string; fields: string[] }[];
  edgesAdded: GraphDiffEdge[];
  edgesRemoved: GraphDiffEdge[];
  /** Dotted paths of the journey's own fields that changed: "name", "description", "lifecycle", "settings.reentry"… */
  settingsChanged: string[];
  unchanged: boolean;
}

export interface GraphDiffEdge {
  source: string;
  target: string;
  sourceHandle: string | null;
}

type NodeInput = JourneyGraphInput['nodes'][number];
type EdgeInput = JourneyGraphInput['edges'][number];

/**
 * Nodes added, removed and changed (by id), edges added and removed (by source, output and
 * target: edge ids are the editor's business), and the journey's name, description, lifecycle
 * and settings. Moving a node on the canvas is no change: the IR does not see positions.
 */
export function diffGraphs(before: JourneyGraphInput, after: JourneyGraphInput): GraphDiff {
  const beforeNodes = byId(before.nodes ?? []);
  const afterNodes = byId(after.nodes ?? []);
  const added = [...afterNodes.values()].filter((node) => !beforeNodes.has(node.id)).map(nodeRef);
  const removed = [...beforeNodes.values()].filter((node) => !afterNodes.has(node.id)).map(nodeRef);
  const changed = [...afterNodes.values()].flatMap((node) => {
    const old = beforeNodes.get(node.id);
    if (!old) return [];
    const fields = nodeChanges(old, node);
    return fields.length > 0 ? [{ ...nodeRef(node), fields }] : [];
  });
  const beforeEdges = edgeMap(before.edges ?? []);
  const afterEdges = edgeMap(after.edges ?? []);
  const edgesAdded = [...afterEdges].filter(([key]) => !beforeEdges.has(key)).map(([, edge]) => edge);
  const edgesRemoved = [...beforeEdges].filter(([key]) => !afterEdges.has(key)).map(([, edge]) => edge);
  const settingsChanged = [
    ...(['id', 'name', 'description', 'lifecycle'] as const).flatMap((field) => changedPaths(before[field], after[field], field)),
    ...changedPaths(settingsOf(before), settingsOf(after), 'settings'),
  ];
  const unchanged = [added, removed, changed, edgesAdded, edgesRemoved, settingsChanged].every((list) => list.length === 0);
  return { added, removed, changed, edgesAdded, edgesRemoved, settingsChanged, unchanged };
}

function nodeRef(node: NodeInput): { id: string; type: string } {
  return { id: node.id, type: node.type };
}

function nodeChanges(before: NodeInput, after: NodeInput): string[] {
  const fields: string[] = [];
  if (before.type !== after.type) fields.push('type');
  if ((before.version ?? 1) !== (after.version ?? 1)) fields.push('version');
  const data = changedPaths(before.data ?? {}, after.data ?? {}, '');
  return [...fields, ...data.map((path) => path || 'data')];
}

/** The first node of each id (a graph with a duplicate id does not validate anyway). */
function byId(nodes: readonly NodeInput[]): Map<string, NodeInput> {
  const map = new Map<string, NodeInput>();
  for (const node of nodes) if (!map.has(node.id)) map.set(node.id, node);
  return map;
}

function edgeMap(edges: readonly EdgeInput[]): Map<string, GraphDiffEdge> {
  const map = new Map<string, GraphDiffEdge>();
  for (const { source, target, sourceHandle } of edges) {
    const edge = { source, target, sourceHandle: sourceHandle ?? null };
    map.set(JSON.stringify([source, edge.sourceHandle, target]), edge);
  }
  return map;
}

/** Settings with their defaults, so a graph that omits them equals one that spells the defaults out. */
function settingsOf(graph: JourneyGraphInput): unknown {
  const parsed = journeySettingsSchema.safeParse(graph.settings ?? {});
  return parsed.success ? parsed.data : graph.settings;
}

/**
 * Dotted paths where two JSON values differ. Objects are compared key by key; a list that
 * kept its length item by item, and one whose length changed is reported whole. An absent key
 * equals one holding undefined.
 */
export function changedPaths(before: unknown, after: unknown, path: string): string[] {
  if (Object.is(before, after)) return [];
  const join = (key: string) => (path ? `${path}.${key}` : key);
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [path];
    return before.flatMap((item, index) => changedPaths(item, after[index], join(String(index))));
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedPaths(before[key], after[key], join(key)));
  }
  return [path];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
