import { createContext, useContext } from 'react';
import type { ChangeLine } from '../publish/change-lines';

export type CompareMark = 'added' | 'changed' | 'removed';

/**
 * Nodes of the version on the canvas that differ from the one it is compared with, for a node
 * card to mark (a class per kind). Null when nothing is being compared.
 */
export const CompareHighlightContext = createContext<ReadonlyMap<string, CompareMark> | null>(null);

/** How the node differs in the comparison shown, or null (same, or nothing compared). */
export function useCompareHighlight(nodeId: string): CompareMark | null {
  return useContext(CompareHighlightContext)?.get(nodeId) ?? null;
}

/** The node lines of a comparison, by node id. */
export function highlightsOf(lines: readonly ChangeLine[]): Map<string, CompareMark> {
  const marks = new Map<string, CompareMark>();
  for (const line of lines) {
    if (line.nodeId && (line.kind === 'added' || line.kind === 'changed' || line.kind === 'removed')) marks.set(line.nodeId, line.kind);
  }
  return marks;
}
