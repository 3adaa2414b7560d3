import { nextTimeOfDay, type BranchChoice, type IrNode } from '@tend/journey/ir';
import { patched, workflowInfo } from '@temporalio/workflow';
import { contactTimeZone, evaluateBranch, runAction } from './activities.js';
import { hold } from './hold.js';
import type { RunState } from './run-state.js';

/**
 * What a node did: the outcome recorded for the visit, the output id the contact left by and
 * why (for the trail), and the node to go to next; 'interrupted' when it did not complete.
 */
export type Step = { outcome: string; output: string | null; detail?: Record<string, unknown>; next: string | null } | 'interrupted';

type Node<Kind extends IrNode['kind']> = Extract<IrNode, { kind: Kind }>;

/**
 * Runs one node for the contact: control nodes here, action nodes as activities. `visit` numbers
 * this visit of the node; `started` is when a wait there began (earlier than now if it resumed).
 */
export async function runNode(node: IrNode, run: RunState, visit: number, started: number): Promise<Step> {
  switch (node.kind) {
    case 'wait':
      return waitTill(run, started + node.durationMs, node.next);
    case 'wait-until': {
      const { workspaceId, contactId } = run.input;
      const zone = (await contactTimeZone({ workspaceId, contactId })) ?? run.ir.timeZone;
      return waitTill(run, nextTimeOfDay(started, { time: node.time, weekdays: node.weekdays, timeZone: zone }), node.next);
    }
    case 'wait-for-event':
      return waitForEvent(node, run, started);
    case 'branch':
      return branch(node, run);
    case 'split':
      return split(node, run);
    case 'goal': {
      const event = run.conversion;
      return { outcome: 'converted', output: 'next', ...(event ? { detail: { event } } : {}), next: node.next };
    }
    case 'action':
      return action(node, run, visit);
    case 'exit':
      return { outcome: 'exited', output: null, next: null };
  }
}

/** A wait for time. A move to a new version interrupts it: the contact moves while waiting. */
async function waitTill(run: RunState, until: number, next: string | null): Promise<Step> {
  run.showWaiting('time', until);
  const calm = await hold(run, until - Date.now(), () => run.migrateRequested);
  return calm && !run.migrateRequested ? { outcome: 'waited', output: 'next', next } : 'interrupted';
}

async function waitForEvent(node: Node<'wait-for-event'>, run: RunState, started: number): Promise<Step> {
  const until = started + node.timeoutMs;
  run.showWaiting(node.matcher.event, until);
  // Runs started before this patch kept their last 200 events, so an awaited event followed by
  // 200 more was forgotten; now every event since the arrival counts (see workflows/README.md).
  const lookback = patched('wait-for-event-without-200-event-limit') ? null : 200;
  const happened = () => run.awaitedEventArrived(lookback);
  const calm = await hold(run, until - Date.now(), () => happened() || run.migrateRequested);
  // A move interrupts the wait unless the event came with it.
  if (!calm || (run.migrateRequested && !happened())) return 'interrupted';
  return happened() ? { outcome: 'happened', output: 'happened', next: node.next } : { outcome: 'timed-out', output: 'timed-out', next: node.timedOut };
}

async function branch(node: Node<'branch'>, run: RunState): Promise<Step> {
  const { workspaceId, contactId } = run.input;
  // Workers before BranchChoice returned the bare index, and histories replay with it.
  const choice: BranchChoice | number = await evaluateBranch({ workspaceId, contactId, journeyId: run.ir.journeyId, conditions: node.cases.map((c) => c.condition) });
  const { index, seen } = typeof choice === 'number' ? { index: choice, seen: [] } : choice;
  const chosen = node.cases[index];
  if (!chosen) return { outcome: 'branch:else', output: 'else', detail: { case: 'else', label: 'Else', checked: seen }, next: node.otherwise };
  // Versions published before case ids were compiled in have none: no output id to record.
  const output = chosen.id ?? null;
  return { outcome: `branch:${chosen.label}`, output, detail: { case: output, label: chosen.label, matched: seen[index] ?? null }, next: chosen.next };
}

function split(node: Node<'split'>, run: RunState): Step {
  // Math.random is seeded per run by Temporal, so a replay takes the same path.
  let roll = Math.random() * 100;
  const path = node.paths.find((p) => (roll -= p.percent) < 0) ?? node.paths[node.paths.length - 1]!;
  if (path.holdout) run.holdOut();
  const output = path.id ?? null;
  return { outcome: `split:${path.label}`, output, detail: { path: output, label: path.label, percent: path.percent, holdout: path.holdout }, next: path.next };
}

async function action(node: Node<'action'>, run: RunState, visit: number): Promise<Step> {
  if (run.holdout) {
    const [first] = Object.entries(node.outputs);
    return { outcome: 'held-out', output: first?.[0] ?? null, detail: { reason: 'on the holdout path of a split' }, next: first?.[1] ?? null };
  }
  const { workspaceId, contactId, entering } = run.input;
  const { workflowId, runId } = workflowInfo();
  const { output, outcome, reason } = await runAction({
    workspaceId,
    contactId,
    journeyId: run.ir.journeyId,
    nodeId: node.id,
    type: node.type,
    version: node.version,
    config: node.config,
    // One send per visit, however often the activity is retried.
    idempotencyKey: `${workflowId}/${runId}/${node.id}/${visit}`,
    entryEvent: { name: entering.name, properties: entering.properties },
  });
  return { outcome: outcome ?? output, output, ...(reason ? { detail: { reason } } : {}), next: node.outputs[output] ?? null };
}
