import {
  contactEventSignal,
  migrateSignal,
  nextTimeOfDay,
  pauseSignal,
  positionQuery,
  resumeSignal,
  stopSignal,
  type ContactEventSignal,
  type IrNode,
  type JourneyActivities,
  type JourneyPosition,
  type JourneyWorkflowInput,
  type MigrateSignal,
  type RunEnd,
  type VisitRecord,
} from '@tend/journey/ir';
import {
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { RunState, type Interrupt } from './run-state.js';

// A provider outage must defer sends, never drop them: retry without a limit, backing off to 10 minutes.
const { runAction, evaluateBranch } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
// Bookkeeping is short and local to the worker: local activities keep the history small.
const { recordVisits, contactTimeZone, beginEnrolment, endEnrolment } = proxyLocalActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const contactEvent = defineSignal<[ContactEventSignal]>(contactEventSignal);
export const pause = defineSignal(pauseSignal);
export const resume = defineSignal(resumeSignal);
export const stop = defineSignal(stopSignal);
export const migrate = defineSignal<[MigrateSignal]>(migrateSignal);
export const position = defineQuery<JourneyPosition>(positionQuery);

/** Start a fresh run (same workflow id) before the history grows past this many events. */
const historyBudget = 4_000;

/**
 * Walks one contact through one published journey version. The IR arrives with the input,
 * so a version in flight never changes under the contact; it moves only when the marketer
 * migrates waiting contacts, and then through continue-as-new.
 */
export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<{ end: RunEnd; visited: string[] }> {
  const run = new RunState(input, Date.now());
  const visited: string[] = [];
  const pending: VisitRecord[] = [];
  const { workflowId, runId, firstExecutionRunId } = workflowInfo();
  const enrolment = { workspaceId: input.workspaceId, journeyId: input.ir.journeyId, contactId: input.contactId, runKey: firstExecutionRunId };

  setHandler(contactEvent, (signal) => run.receive(signal, Date.now()));
  setHandler(pause, () => void (run.paused = true));
  setHandler(resume, () => void (run.paused = false));
  setHandler(stop, () => run.raise({ kind: 'stop' }));
  setHandler(migrate, (signal) => void (run.pendingMigrate = signal));
  setHandler(position, () => ({ ...run.position, converted: run.converted }));

  const record = (nodeId: string, visit: number, outcome: string) => {
    visited.push(nodeId);
    pending.push({ ...identity(), workflowId, nodeId, visit, outcome, at: Date.now() });
  };
  const flush = async () => {
    if (pending.length > 0) await recordVisits(pending.splice(0));
  };
  const identity = () => ({ workspaceId: input.workspaceId, journeyId: input.ir.journeyId, version: input.version, contactId: input.contactId });
  const finish = async (end: RunEnd) => {
    run.position = { ...run.position, nodeId: null, status: 'completed', waitingFor: null, waitingUntil: null };
    await flush();
    await endEnrolment({ ...enrolment, end });
    return { end, visited };
  };
  /** Waits until `ready()` or an interrupt, at most `ms`; false when interrupted. */
  const hold = async (ms: number | undefined, ready: () => boolean = () => false) => {
    if (ms !== undefined && ms <= 0) return run.interrupt === null;
    await condition(() => run.interrupt !== null || ready(), ms);
    return run.interrupt === null;
  };

  await beginEnrolment({ ...enrolment, workflowId, version: input.version, listensTo: input.ir.listensTo, enteredAt: run.enteredAt });
  const trigger = input.ir.triggers.find((candidate) => candidate.nodeId === input.triggerNodeId);
  if (!input.resume) {
    if (input.startAt && input.startAt > Date.now()) {
      run.position = { ...run.position, status: 'waiting', waitingFor: 'time', waitingUntil: new Date(input.startAt).toISOString() };
      await hold(input.startAt - Date.now());
    }
    record(input.triggerNodeId, run.visit(input.triggerNodeId), 'entered');
    // On record before the first step, which may be a months-long wait: counts and trails show the contact.
    await flush();
  }
  let current: string | null = input.resume ? input.resume.nodeId : (trigger?.next ?? null);
  let waitStartedAt = input.resume?.waitStartedAt ?? null;

  for (;;) {
    const interrupt = run.interrupt;
    if (interrupt?.kind === 'stop') return finish('stopped');
    if (interrupt?.kind === 'exit') {
      // The node at `current` has not completed (an interrupted wait's count was undone): the exit is that visit.
      if (current) record(current, (run.visits[current] ?? 0) + 1, 'exited');
      return finish('exited');
    }
    if (interrupt?.kind === 'restart') {
      if (interrupt.goalNodeId && !run.converted) record(interrupt.goalNodeId, run.visit(interrupt.goalNodeId), 'converted');
      await flush();
      return continueAsNew<typeof journeyWorkflow>({
        ...input,
        triggerNodeId: interrupt.signal.triggerNodeId ?? input.triggerNodeId,
        entering: interrupt.signal.event,
        startAt: null,
        resume: null,
      });
    }
    if (interrupt?.kind === 'goal') {
      run.interrupt = null;
      run.converted = true;
      current = interrupt.nodeId;
      waitStartedAt = null;
    }
    if (!current) break;

    if (run.paused) {
      run.position = { ...run.position, nodeId: current, status: 'paused', waitingFor: null, waitingUntil: null };
      await flush();
      await condition(() => !run.paused || run.interrupt?.kind === 'stop' || run.interrupt?.kind === 'exit');
      continue;
    }
    const node: IrNode | undefined = run.ir.nodes[current];
    if (!node) break; // a path that ends without an exit node (older versions allowed it)

    // A marketer moved waiting contacts to a newer version: only a contact at a wait moves.
    if (run.pendingMigrate && isWait(node)) {
      const move = run.pendingMigrate;
      run.pendingMigrate = null;
      const target = move.nodeMap[current] ?? current;
      if (move.ir.nodes[target] && isWait(move.ir.nodes[target])) {
        await flush();
        return continueAsNew<typeof journeyWorkflow>({
          ...input,
          ir: move.ir,
          version: move.version,
          resume: { nodeId: target, visits: run.visits, waitStartedAt: waitStartedAt ?? Date.now(), paused: run.paused, enteredAt: run.enteredAt, converted: run.converted, holdout: run.holdout },
        });
      }
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyBudget) {
      await flush();
      return continueAsNew<typeof journeyWorkflow>({
        ...input,
        resume: { nodeId: current, visits: run.visits, waitStartedAt, paused: run.paused, enteredAt: run.enteredAt, converted: run.converted, holdout: run.holdout },
      });
    }

    const visit = run.visit(current);
    run.position = { ...run.position, nodeId: current, status: 'running', waitingFor: null, waitingUntil: null };
    const started = waitStartedAt ?? Date.now();
    waitStartedAt = isWait(node) ? started : null;
    const step = await runStep(node, visit, started);
    if (step === 'interrupted') {
      // Undo the visit count: the node did not complete, and a resumed wait keeps its start.
      run.visits[current] = visit - 1;
      if (run.pendingMigrate && isWait(node)) run.interrupt = null;
      continue;
    }
    record(current, visit, step.outcome);
    run.arrive();
    waitStartedAt = null;
    current = step.next;
    await flush();
  }

  // Contacts who finished early stay, sending nothing, until their goal window closes: the
  // holdout group is measured against the goal like everyone else.
  const windowEnds = run.ir.goals.filter((g) => g.windowMs !== null).map((g) => run.enteredAt + g.windowMs!);
  if (!run.converted && windowEnds.length > 0) {
    const until = Math.max(...windowEnds);
    run.position = { ...run.position, nodeId: null, status: 'waiting', waitingFor: 'goal', waitingUntil: new Date(until).toISOString() };
    await hold(until - Date.now());
    const interrupt = run.interrupt as Interrupt | null;
    if (interrupt?.kind === 'goal') {
      run.converted = true;
      record(interrupt.nodeId, run.visit(interrupt.nodeId), 'converted');
    }
    if (interrupt?.kind === 'restart') {
      if (interrupt.goalNodeId) record(interrupt.goalNodeId, run.visit(interrupt.goalNodeId), 'converted');
      await flush();
      return continueAsNew<typeof journeyWorkflow>({ ...input, triggerNodeId: interrupt.signal.triggerNodeId ?? input.triggerNodeId, entering: interrupt.signal.event, startAt: null, resume: null });
    }
  }
  const result = await finish('completed');
  // Cool-down in workflow time: the run stays open (already ended in the index), so Temporal
  // hands new triggers to it as signals, which it ignores, until the cool-down has passed.
  if (run.ir.reentry === 'cooldown' && run.ir.cooldownMs !== null) {
    await condition(() => false, Math.max(0, run.enteredAt + run.ir.cooldownMs - Date.now()));
  }
  return result;

  async function runStep(node: IrNode, visit: number, started: number): Promise<{ outcome: string; next: string | null } | 'interrupted'> {
    switch (node.kind) {
      case 'wait': {
        const until = started + node.durationMs;
        run.position = { ...run.position, status: 'waiting', waitingFor: 'time', waitingUntil: new Date(until).toISOString() };
        return (await hold(until - Date.now(), () => run.pendingMigrate !== null)) && !run.pendingMigrate ? { outcome: 'waited', next: node.next } : 'interrupted';
      }
      case 'wait-until': {
        const zone = (await contactTimeZone({ workspaceId: input.workspaceId, contactId: input.contactId })) ?? run.ir.timeZone;
        const until = nextTimeOfDay(started, { time: node.time, weekdays: node.weekdays, timeZone: zone });
        run.position = { ...run.position, status: 'waiting', waitingFor: 'time', waitingUntil: new Date(until).toISOString() };
        return (await hold(until - Date.now(), () => run.pendingMigrate !== null)) && !run.pendingMigrate ? { outcome: 'waited', next: node.next } : 'interrupted';
      }
      case 'wait-for-event': {
        const since = run.arrivedAt;
        const until = started + node.timeoutMs;
        run.position = { ...run.position, status: 'waiting', waitingFor: node.matcher.event, waitingUntil: new Date(until).toISOString() };
        const happened = () => run.findEvent(since, node.matcher, node.matchEntryProperty) !== null;
        const calm = await hold(until - Date.now(), () => happened() || run.pendingMigrate !== null);
        if (!calm || (run.pendingMigrate && !happened())) return 'interrupted';
        return happened() ? { outcome: 'happened', next: node.next } : { outcome: 'timed-out', next: node.timedOut };
      }
      case 'branch': {
        const index = await evaluateBranch({
          workspaceId: input.workspaceId,
          contactId: input.contactId,
          journeyId: run.ir.journeyId,
          conditions: node.cases.map((c) => c.condition),
        });
        const chosen = node.cases[index];
        return chosen ? { outcome: `branch:${chosen.label}`, next: chosen.next } : { outcome: 'branch:else', next: node.otherwise };
      }
      case 'split': {
        // Math.random is seeded per run by Temporal, so a replay takes the same path.
        let roll = Math.random() * 100;
        const path = node.paths.find((p) => (roll -= p.percent) < 0) ?? node.paths[node.paths.length - 1]!;
        if (path.holdout) run.holdout = true;
        return { outcome: `split:${path.label}`, next: path.next };
      }
      case 'goal':
        return { outcome: 'converted', next: node.next };
      case 'action': {
        if (run.holdout) return { outcome: 'held-out', next: Object.values(node.outputs)[0] ?? null };
        const { output, outcome } = await runAction({
          workspaceId: input.workspaceId,
          contactId: input.contactId,
          journeyId: run.ir.journeyId,
          nodeId: node.id,
          type: node.type,
          version: node.version,
          config: node.config,
          idempotencyKey: `${workflowId}/${runId}/${node.id}/${visit}`,
          entryEvent: { name: input.entering.name, properties: input.entering.properties },
        });
        return { outcome: outcome ?? output, next: node.outputs[output] ?? null };
      }
      case 'exit':
        return { outcome: 'exited', next: null };
    }
  }
}

function isWait(node: IrNode): boolean {
  return node.kind === 'wait' || node.kind === 'wait-until' || node.kind === 'wait-for-event';
}
