import type { ContactEventSignal, JourneyWorkflowInput, MigrateSignal } from '@tend/journey/ir';
import type { RunState } from './run-state.js';

/** Why a run hands over to a fresh run of the same workflow (continue-as-new). */
export type Handover =
  /** A trigger matched again and the journey re-enters by restarting: start over from that trigger, with that event. */
  | { kind: 'restart'; signal: ContactEventSignal }
  /** The history grew long: carry on at the same node with a short one. */
  | { kind: 'fresh-history'; nodeId: string }
  /** A marketer moved waiting contacts to a newer version: carry on at `nodeId` (a wait) of that version. */
  | { kind: 'move-version'; to: MigrateSignal; nodeId: string };

/** The next run's input: the one place a continue-as-new input is built. */
export function nextRunInput(run: RunState, handover: Handover, now: number): JourneyWorkflowInput {
  const { input } = run;
  switch (handover.kind) {
    case 'restart': {
      const { triggerNodeId, event } = handover.signal;
      return { ...input, triggerNodeId: triggerNodeId ?? input.triggerNodeId, entering: event, startAt: null, resume: null };
    }
    case 'fresh-history':
      return { ...input, resume: run.resumeAt(handover.nodeId, run.waitStartedAt) };
    case 'move-version':
      // A wait not begun yet (the move came before the contact reached it) begins now, in the new version.
      return { ...input, ir: handover.to.ir, version: handover.to.version, resume: run.resumeAt(handover.nodeId, run.waitStartedAt ?? now) };
  }
}
