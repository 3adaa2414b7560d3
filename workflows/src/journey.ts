import type { JourneyWorkflowInput, RunEnd } from '@tend/journey/ir';
import { condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { beginEnrolment, endEnrolment } from './activities.js';
import { nextRunInput, type Handover } from './handover.js';
import { hold } from './hold.js';
import { runNode } from './nodes.js';
import { moveContact, removeContact } from './person-commands.js';
import { RecentMessageIds } from './recent-message-ids.js';
import { isWait, RunState, type Interrupt } from './run-state.js';
import { contactEvent, migrate, move, pause, position, remove, resume, stop } from './signals.js';
import { Trail } from './trail.js';

/** Start a fresh run (same workflow id) before the history grows past this many events. */
const historyBudget = 4_000;

/** How a run leaves: it ends, or it hands over to a fresh run of the same workflow. */
type Leaving = { end: RunEnd } | { handover: Handover };

/**
 * Walks one contact through one published journey version. The IR arrives with the input,
 * so a version in flight never changes under the contact; it moves only when the marketer
 * migrates waiting contacts, and then through continue-as-new.
 */
export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<{ end: RunEnd; visited: string[] }> {
  const run = new RunState(input, Date.now());
  const { workflowId, firstExecutionRunId } = workflowInfo();
  const trail = new Trail(input, workflowId);
  const enrolment = { workspaceId: input.workspaceId, journeyId: input.ir.journeyId, contactId: input.contactId, runKey: firstExecutionRunId };

  const received = new RecentMessageIds();
  setHandler(contactEvent, (signal) => {
    // Routing again an event it already routed (after a crash) must not apply it twice.
    if (patched('ignore-repeated-event-signals') && received.repeated(signal.event.messageId)) return;
    run.receive(signal, Date.now());
  });
  setHandler(pause, () => run.pause());
  setHandler(resume, () => run.resume());
  setHandler(stop, () => run.stop());
  setHandler(migrate, (signal) => run.requestMigrate(signal));
  setHandler(remove, (signal) => run.remove(signal));
  setHandler(move, (signal) => run.move(signal));
  setHandler(position, () => run.position);

  // A continued run is at a node already: the routing index shows it there from the start.
  const resumedAt = input.resume ? { nodeId: input.resume.nodeId, since: input.resume.waitStartedAt ?? Date.now() } : null;
  await beginEnrolment({ ...enrolment, workflowId, version: input.version, listensTo: input.ir.listensTo, enteredAt: run.enteredAt, position: resumedAt });
  if (!input.resume) await enter(run, trail);
  let leaving: Leaving | undefined;
  // A person's move during the goal window puts the contact back on a node: walk again from there.
  while (!leaving) leaving = (await walk(run, trail)) ?? (await stayForGoalWindow(run, trail));

  if ('handover' in leaving) {
    await trail.flush(run.where);
    return continueAsNew<typeof journeyWorkflow>(nextRunInput(run, leaving.handover, Date.now()));
  }
  run.showCompleted();
  // The last visits and the end in one local activity; runs recorded before this flushed first.
  if (patched('end-writes-last-visits')) await endEnrolment({ ...enrolment, end: leaving.end, visits: trail.take() });
  else {
    await trail.flush(null);
    await endEnrolment({ ...enrolment, end: leaving.end });
  }
  // Cool-down in workflow time: the run stays open (already ended in the index), so Temporal
  // hands new triggers to it as signals, which it ignores, until the cool-down has passed.
  if (leaving.end === 'completed' && run.ir.reentry === 'cooldown' && run.ir.cooldownMs !== null) {
    await condition(() => false, Math.max(0, run.enteredAt + run.ir.cooldownMs - Date.now()));
  }
  return { end: leaving.end, visited: trail.visited };
}

/** A new entry (not a continuation): waits for a scheduled start, then records the trigger. */
async function enter(run: RunState, trail: Trail): Promise<void> {
  const { startAt, triggerNodeId } = run.input;
  if (startAt && startAt > Date.now()) {
    run.showWaiting('time', startAt);
    await hold(run, startAt - Date.now());
  }
  trail.record(triggerNodeId, run.visit(triggerNodeId), 'entered', { output: 'next' });
  // On record before the first step, which may be a months-long wait: counts and trails show the contact.
  await trail.flush(run.where);
}

/** Walks node by node until the run must leave, or (undefined) the contact's path runs out. */
async function walk(run: RunState, trail: Trail): Promise<Leaving | undefined> {
  for (;;) {
    const interrupt = run.interrupt;
    if (interrupt?.kind === 'remove') return removeContact(run, trail, interrupt);
    if (interrupt?.kind === 'stop') return { end: 'stopped' };
    if (interrupt?.kind === 'exit') {
      // The node the contact is at has not completed (an interrupted wait's count was undone): the exit is that visit.
      const detail = interrupt.event ? { event: interrupt.event } : undefined;
      if (run.nodeId) trail.record(run.nodeId, run.visitsOf(run.nodeId) + 1, 'exited', { output: null, ...(detail ? { detail } : {}) });
      return { end: 'exited' };
    }
    if (interrupt?.kind === 'move') {
      moveContact(run, trail, interrupt, Date.now());
      await trail.flush(run.where);
      continue;
    }
    if (interrupt?.kind === 'restart') return restart(run, trail, interrupt);
    if (interrupt?.kind === 'goal') run.reachGoal(interrupt, Date.now());

    const nodeId = run.nodeId;
    if (!nodeId) return undefined;
    if (run.paused) {
      run.showPaused();
      await trail.flush(run.where);
      // A person's remove or move reaches a held contact too (a move keeps it held, at its new node).
      await condition(() => !run.paused || ['stop', 'exit', 'remove', 'move'].includes(run.interrupt?.kind ?? ''));
      continue;
    }
    const node = run.ir.nodes[nodeId];
    if (!node) return undefined; // a path that ends without an exit node (older versions allowed it)

    // A marketer moved waiting contacts to a newer version: only a contact at a wait moves, to a wait.
    const move = isWait(node) ? run.takeMigrate() : null;
    if (move) {
      const target = move.nodeMap[nodeId] ?? nodeId;
      if (isWait(move.ir.nodes[target])) {
        // The contact's trail says where it went (runs before this patch moved without a word:
        // the extra visit makes the handover's flush write, a command those histories lack).
        if (patched('trail-records-version-move')) {
          trail.record(nodeId, run.visitsOf(nodeId) + 1, 'moved', { output: null, detail: { toVersion: move.version, to: target, reason: 'a new version was published' } });
        }
        return { handover: { kind: 'move-version', to: move, nodeId: target } };
      }
    }
    if (historyIsLong()) return { handover: { kind: 'fresh-history', nodeId } };

    const { visit, started } = run.beginStep(node, Date.now());
    const step = await runNode(node, run, visit, started);
    if (step === 'interrupted') {
      run.interruptStep(node, visit);
      continue;
    }
    trail.record(nodeId, visit, step.outcome, step);
    run.arrive(step.next, Date.now());
    await trail.flush(run.where);
  }
}

/**
 * Contacts who finished early stay, sending nothing, until their goal window closes: the
 * holdout group is measured against the goal like everyone else.
 */
async function stayForGoalWindow(run: RunState, trail: Trail): Promise<Leaving | undefined> {
  const windowEnds = run.ir.goals.flatMap((goal) => (goal.windowMs === null ? [] : [run.enteredAt + goal.windowMs]));
  if (run.converted || windowEnds.length === 0) return { end: 'completed' };
  const until = Math.max(...windowEnds);
  run.showWaitingForGoal(until);
  await hold(run, until - Date.now());
  const interrupt = run.interrupt;
  if (interrupt?.kind === 'goal') {
    run.markConverted();
    trail.record(interrupt.nodeId, run.visit(interrupt.nodeId), 'converted', { output: null, ...(interrupt.event ? { detail: { event: interrupt.event } } : {}) });
  }
  if (interrupt?.kind === 'restart') return restart(run, trail, interrupt);
  if (interrupt?.kind === 'remove') return removeContact(run, trail, interrupt);
  if (interrupt?.kind === 'move') {
    moveContact(run, trail, interrupt, Date.now());
    await trail.flush(run.where);
    return undefined;
  }
  return { end: 'completed' };
}

/** A new entry under reentry "restart": it may also be a conversion, recorded before the run starts over. */
function restart(run: RunState, trail: Trail, interrupt: Extract<Interrupt, { kind: 'restart' }>): Leaving {
  const { goalNodeId } = interrupt;
  if (goalNodeId && !run.converted) trail.record(goalNodeId, run.visit(goalNodeId), 'converted', { output: null, detail: { event: { name: interrupt.signal.event.name, messageId: interrupt.signal.event.messageId } } });
  return { handover: { kind: 'restart', signal: interrupt.signal } };
}

function historyIsLong(): boolean {
  const { continueAsNewSuggested, historyLength } = workflowInfo();
  return continueAsNewSuggested || historyLength > historyBudget;
}
