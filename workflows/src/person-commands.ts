import type { RunEnd } from '@tend/journey/ir';
import type { Interrupt, RunState } from './run-state.js';
import type { Trail } from './trail.js';

// What a person's remove or move (signals sent to one contact from the console) does to the walk.
// No history recorded before these signals holds one, so handling them needs no patched(): see
// "Signals and the query" in workflows/README.md.

/** The contact is taken out: its node's visit records who did it and why, and the run ends "stopped". */
export function removeContact(run: RunState, trail: Trail, { reason, by }: Extract<Interrupt, { kind: 'remove' }>): { end: RunEnd } {
  const nodeId = run.lastNodeId;
  trail.record(nodeId, run.visit(nodeId), 'removed', { output: null, detail: { reason, by } });
  return { end: 'stopped' };
}

/**
 * The contact leaves the node it is at (a wait is cut short) for `toNodeId` of the same version,
 * where it carries on (a wait there starts afresh). A node the version lacks is refused on the
 * trail and the contact stays, its wait keeping its deadline. The caller flushes the trail.
 */
export function moveContact(run: RunState, trail: Trail, { toNodeId, reason, by }: Extract<Interrupt, { kind: 'move' }>, now: number): void {
  const from = run.lastNodeId;
  const detail = { reason, by, to: toNodeId };
  if (!run.ir.nodes[toNodeId]) {
    // The visit in progress is not done: recorded under its number, not counted.
    trail.record(from, run.visitsOf(from) + 1, 'move-refused', { output: null, detail: { ...detail, problem: `version ${run.input.version} has no node "${toNodeId}"` } });
    run.moveTo(null, now);
    return;
  }
  trail.record(from, run.visit(from), 'moved', { output: null, detail });
  run.moveTo(toNodeId, now);
}
