import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import { trpc } from '../../trpc';

/** What the canvas shows on one node while watching: visits so far, who waits there now, conversions, and exits by output id. */
export interface NodeCounts {
  entered: number;
  waiting: number;
  converted: number;
  /** Visits that left by each output id (a branch case id, "else", "timed-out", "next"…). */
  byOutput: Record<string, number>;
  /** A message step's sends that did not happen (no address, no consent…) or failed for good. */
  skipped: number;
  failed: number;
  /** A message step's sends the message policy holds now (a cap, quiet hours). */
  deferred: number;
}

/** The live version's counts: contacts in the journey now, and counts per node id. */
export interface JourneyNodeCounts {
  active: number;
  nodes: Record<string, NodeCounts>;
}

/** Live counts are cheap to read and change as contacts move, so the Watch tab polls this often. */
export const watchPollMs = 3_000;

/**
 * Counts for the canvas to draw; null outside the Watch tab, so node cards and edges show
 * counts only there.
 */
export const WatchCountsContext = createContext<JourneyNodeCounts | null>(null);

/** One node's counts while watching; null when not watching. A node nobody reached yet counts zeros. */
export function useNodeCounts(nodeId: string): NodeCounts | null {
  const counts = useContext(WatchCountsContext);
  if (!counts) return null;
  return counts.nodes[nodeId] ?? noCounts;
}

const noCounts: NodeCounts = { entered: 0, waiting: 0, converted: 0, byOutput: {}, skipped: 0, failed: 0, deferred: 0 };

/**
 * Polls the journey's live counts every few seconds; the value for <WatchCountsContext>.
 * Null until the first answer arrives (and while `enabled` is false).
 */
export function useJourneyWatch(journeyId: string, options: { enabled?: boolean } = {}): JourneyNodeCounts | null {
  const stats = useQuery(
    trpc.journeys.stats.queryOptions({ id: journeyId }, { refetchInterval: watchPollMs, enabled: options.enabled ?? true }),
  );
  const data = stats.data;
  // One object per answer, so node cards re-render when the counts change, not on every render.
  return useMemo(() => (data ? { active: data.active, nodes: data.nodes } : null), [data]);
}
