import { createContext, useContext } from 'react';
import type { OutcomeCount } from './node-stats';

/**
 * What node cards need beyond their config, shared by the canvas: live counts per node, and
 * each node's saved type (a node drawn by the fallback component has lost it). Kept out of
 * node `data`, which is the saved config and nothing else.
 */
export interface CanvasInfo {
  counts: ReadonlyMap<string, readonly OutcomeCount[]>;
  savedTypes: ReadonlyMap<string, string>;
}

export const CanvasContext = createContext<CanvasInfo>({ counts: new Map(), savedTypes: new Map() });

const noCounts: readonly OutcomeCount[] = [];

export function useNodeCounts(nodeId: string): readonly OutcomeCount[] {
  return useContext(CanvasContext).counts.get(nodeId) ?? noCounts;
}

export function useSavedType(nodeId: string): string | undefined {
  return useContext(CanvasContext).savedTypes.get(nodeId);
}
