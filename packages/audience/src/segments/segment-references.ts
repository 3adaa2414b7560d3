import type { Condition } from '@tend/journey/ir';
import type { SegmentProblem } from './segment-error.js';

/** A `segment` condition inside a definition: the segment it names and the path of that field. */
export interface SegmentReference {
  segment: string;
  path: string;
}

/** Every segment a definition uses, with where (a segment used twice is listed twice). */
export function segmentReferences(condition: Condition, path: (string | number)[] = []): SegmentReference[] {
  switch (condition.kind) {
    case 'segment':
      return [{ segment: condition.segment, path: [...path, 'segment'].join('.') }];
    case 'all':
    case 'any':
      return condition.conditions.flatMap((inner, index) => segmentReferences(inner, [...path, 'conditions', index]));
    case 'not':
      return segmentReferences(condition.condition, [...path, 'condition']);
    default:
      return [];
  }
}

/**
 * Problems if segment `id` with `definition` would use itself, directly or through other stored
 * segments (`stored`: id → definition; a name not stored is a segment computed elsewhere, used
 * as its memberships stand). Each problem names the path of the reference that starts the loop.
 */
export function cycleProblems(id: string, definition: Condition, stored: ReadonlyMap<string, Condition>): SegmentProblem[] {
  const graph = new Map(stored);
  graph.set(id, definition);
  const problems: SegmentProblem[] = [];
  for (const reference of segmentReferences(definition)) {
    const loop = pathBack(reference.segment, id, graph, new Set());
    if (loop) {
      const chain = [id, ...loop].map((name) => `"${name}"`).join(' uses ');
      problems.push({ path: reference.path, message: `a segment cannot use itself: ${chain}` });
    }
  }
  return problems;
}

/** The segments from `from` that lead back to `target` (ending with it), or null when none does. */
function pathBack(from: string, target: string, graph: ReadonlyMap<string, Condition>, seen: Set<string>): string[] | null {
  if (from === target) return [target];
  if (seen.has(from)) return null;
  seen.add(from);
  const definition = graph.get(from);
  if (!definition) return null;
  for (const next of new Set(segmentReferences(definition).map((reference) => reference.segment))) {
    const rest = pathBack(next, target, graph, seen);
    if (rest) return [from, ...rest];
  }
  return null;
}

/**
 * Segment ids in an order where each comes after the stored segments it uses, so a recompute
 * reads their memberships fresh. Ties keep the given order. A loop (which the store refuses)
 * would not hang it: a segment already being placed is skipped.
 */
export function dependencyOrder(segments: readonly { id: string; definition: Condition }[]): string[] {
  const definitions = new Map(segments.map((segment) => [segment.id, segment.definition]));
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (id: string): void => {
    if (placed.has(id)) return;
    placed.add(id);
    const definition = definitions.get(id);
    if (!definition) return;
    for (const reference of segmentReferences(definition)) visit(reference.segment);
    ordered.push(id);
  };
  segments.forEach((segment) => visit(segment.id));
  return ordered;
}
