import type { JourneyStats } from '../trpc';

export type VisitCount = JourneyStats['visits'][number];

/** How many visits to one node ended one way, with the words for it. */
export interface OutcomeCount {
  outcome: string;
  label: string;
  count: number;
}

/**
 * The words for a visit outcome as the engine records it. Actions record the output they
 * left by, "next" for all built-in ones; for a send step that means the step ran (the
 * Outbox tells a sent message from a skipped one).
 */
export function outcomeLabel(type: string | undefined, outcome: string): string {
  if (outcome.startsWith('branch:')) return outcome.slice('branch:'.length);
  if (outcome.startsWith('split:')) return outcome.slice('split:'.length);
  if (outcome === 'next') return type?.startsWith('send-') ? 'sent' : 'done';
  return outcome.replace(/-/g, ' ');
}

/** Visits grouped by node, most frequent outcome first. `typeOf` names each node's saved type. */
export function countsByNode(
  visits: readonly VisitCount[],
  typeOf: (nodeId: string) => string | undefined,
): Map<string, OutcomeCount[]> {
  const byNode = new Map<string, OutcomeCount[]>();
  for (const { nodeId, outcome, count } of visits) {
    const counts = byNode.get(nodeId) ?? [];
    counts.push({ outcome, label: outcomeLabel(typeOf(nodeId), outcome), count });
    byNode.set(nodeId, counts);
  }
  for (const counts of byNode.values()) {
    counts.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }
  return byNode;
}

/** "1,204 entered · 830 sent": the `top` most frequent outcomes, for a node card. */
export function countsText(counts: readonly OutcomeCount[], top = 2, locale?: string): string {
  return counts
    .slice(0, top)
    .map(({ label, count }) => `${formatCount(count, locale)} ${label}`)
    .join(' · ');
}

export function formatCount(count: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(count);
}
