import type { EditorEdge, EditorMeta, EditorNode } from './editor-types';

/** What undo and redo restore: the journey's content, without selection or measured sizes. */
export interface HistoryState {
  meta: EditorMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
}

/** How long config or settings typing keeps adding to the same undo step. */
export const coalesceMs = 500;

/** At most this many steps back. */
export const historyLimit = 200;

export function contentOf(state: HistoryState): HistoryState {
  return {
    meta: state.meta,
    nodes: state.nodes.map(({ id, type, version, position, data }) => ({ id, type, version, position, data })),
    edges: state.edges.map(({ id, source, target, sourceHandle }) => ({ id, source, target, sourceHandle })),
  };
}

/**
 * Whether two states have the same content. Edits replace what they change, so unchanged
 * config is the same object; a change of selection or size alone is not an undo step.
 */
export function sameContent(a: HistoryState, b: HistoryState, options: { positions: boolean } = { positions: true }): boolean {
  if (a.meta !== b.meta || a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const nodesSame = a.nodes.every((node, index) => {
    const other = b.nodes[index] as EditorNode;
    return (
      node === other ||
      (node.id === other.id &&
        node.type === other.type &&
        node.version === other.version &&
        node.data === other.data &&
        (!options.positions || (node.position.x === other.position.x && node.position.y === other.position.y)))
    );
  });
  return (
    nodesSame &&
    a.edges.every((edge, index) => {
      const other = b.edges[index] as EditorEdge;
      return (
        edge === other ||
        (edge.id === other.id && edge.source === other.source && edge.target === other.target && edge.sourceHandle === other.sourceHandle)
      );
    })
  );
}

/**
 * Decides which edits join the previous undo step: the same kind of edit (same `key`, e.g.
 * typing in one node's config) within `coalesceMs` of the last, or a drag still going on.
 */
export class StepCoalescer {
  private last: { key: string; at: number } | null = null;

  joins(key: string | null, now: number, ongoing = false): boolean {
    const joins = key !== null && this.last?.key === key && (ongoing || now - this.last.at < coalesceMs);
    this.last = key === null ? null : { key, at: now };
    return joins;
  }

  /** The next edit starts a new step (after undo, redo, or the end of a drag). */
  reset(): void {
    this.last = null;
  }
}
