/**
 * What the editor holds of a journey. Nodes and edges have React Flow's shape so the canvas
 * takes them as they are; `data` is the node's JSON config and nothing else. `selected`,
 * `measured` and `dragging` are canvas state: never saved, never part of undo.
 */
export interface EditorNode {
  id: string;
  type: string;
  version: number;
  position: { x: number; y: number };
  data: Record<string, unknown>;
  selected?: boolean;
  /** Size React Flow measured, kept so that a changed node is not drawn hidden until re-measured. */
  measured?: { width?: number; height?: number };
  dragging?: boolean;
}

export interface EditorEdge {
  id: string;
  source: string;
  target: string;
  /** The source node's output this edge leaves by; null means its only (first) output. */
  sourceHandle: string | null;
  selected?: boolean;
}

export interface EditorMeta {
  id: string;
  name: string;
  description?: string;
  lifecycle?: string;
  settings: Record<string, unknown>;
}

/** A node about to be placed: its type and starting config (the catalogue's defaults). */
export interface NewNode {
  type: string;
  version: number;
  data?: Record<string, unknown>;
}

/** What copy puts on the clipboard (as JSON), so nodes paste into another journey or tab. */
export interface ClipboardPayload {
  tend: 'nodes';
  nodes: Omit<EditorNode, 'selected' | 'measured' | 'dragging'>[];
  edges: Omit<EditorEdge, 'selected'>[];
}

/** Where a new node goes in the flow: into an edge, or after a node's output. */
export type InsertAt = { edgeId: string } | { source: string; sourceHandle: string | null };
