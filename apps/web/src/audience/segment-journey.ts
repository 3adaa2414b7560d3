import type { JourneyGraphInput } from '@tend/journey/editor';
import { slugFrom } from '../ui/slug';

/**
 * "Start a journey for this group": the segment an RFM group is kept as, and a new journey draft
 * whose trigger is entering that segment. Pure; use-segment-journey.ts makes the calls.
 */

/** The segment an RFM group is kept as: "Can't lose them" → "rfm-can-t-lose-them". */
export function rfmSegmentId(group: string): string {
  return `rfm-${slugFrom(group, 60)}`;
}

export function rfmSegment(group: string) {
  return {
    id: rfmSegmentId(group),
    name: `RFM: ${group}`,
    description: `Contacts in the RFM group "${group}", as of each RFM computation.`,
    definition: { kind: 'rfm', groups: [group] },
  };
}

/** The first of `base`, `base-2`, `base-3`… that no journey has. */
export function freeJourneyId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A draft that enters contacts as they join the segment and ends: the marketer adds the steps
 * in between. Laid out top-down as the editor lays out new steps.
 */
export function segmentJourneyGraph(id: string, name: string, segmentId: string): JourneyGraphInput {
  return {
    id,
    name,
    nodes: [
      { id: 'entered-segment', type: 'trigger.segment', version: 1, position: { x: 0, y: 0 }, data: { segment: segmentId } },
      { id: 'done', type: 'exit', version: 1, position: { x: 0, y: 160 }, data: {} },
    ],
    edges: [{ id: 'entered-segment->done', source: 'entered-segment', target: 'done', sourceHandle: null }],
  };
}
