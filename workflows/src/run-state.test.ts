import type { ContactEvent, ContactEventSignal, JourneyIr, JourneyWorkflowInput } from '@tend/journey/ir';
import { describe, expect, it } from 'vitest';
import { nextRunInput } from './handover.js';
import { RunState, type Interrupt } from './run-state.js';

const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 1);

/** Cart started → wait a day → wait for the order of that cart; goal "Upgraded" within 3 days; exit on "Cart Emptied" of that cart. */
const ir: JourneyIr = {
  format: 1,
  journeyId: 'cart',
  name: 'Cart',
  reentry: 'restart',
  cooldownMs: null,
  timeZone: 'UTC',
  triggers: [{ nodeId: 'go', kind: 'event', event: 'Cart Started', filters: [], next: 'a-day' }],
  nodes: {
    'a-day': { kind: 'wait', id: 'a-day', durationMs: day, next: 'ordered' },
    ordered: { kind: 'wait-for-event', id: 'ordered', matcher: { event: 'Order Completed', filters: [] }, matchEntryProperty: 'cartId', timeoutMs: day, next: 'done', timedOut: 'done' },
    upgraded: { kind: 'goal', id: 'upgraded', next: 'done' },
    done: { kind: 'exit', id: 'done' },
  },
  goals: [{ nodeId: 'upgraded', matcher: { event: 'Upgraded', filters: [] }, windowMs: 3 * day }],
  exitWhen: [{ event: 'Cart Emptied', filters: [], matchEntryProperty: 'cartId' }],
  listensTo: ['Cart Emptied', 'Cart Started', 'Order Completed', 'Upgraded'],
};

let messages = 0;
const event = (name: string, properties: Record<string, unknown> = {}): ContactEvent => ({ type: 'track', name, messageId: `m-${++messages}`, properties, occurredAt: '2026-01-01T00:00:00Z' });
const entering = event('Cart Started', { cartId: 'cart-1' });
const input: JourneyWorkflowInput = { workspaceId: 'w', contactId: 'c', version: 1, triggerNodeId: 'go', ir, entering };
const routed = (e: ContactEvent): ContactEventSignal => ({ event: e, triggerNodeId: null });
const reentry = (e: ContactEvent): ContactEventSignal => ({ event: e, triggerNodeId: 'go' });

describe('RunState', () => {
  it('a fresh run starts at the node after its trigger; a resumed one where it left off', () => {
    expect(new RunState(input, t0).nodeId).toBe('a-day');
    const resume = { nodeId: 'ordered', visits: { 'a-day': 1 }, waitStartedAt: t0, paused: true, enteredAt: t0 - day, converted: true, holdout: true };
    const run = new RunState({ ...input, resume }, t0);
    expect([run.nodeId, run.waitStartedAt, run.paused, run.enteredAt, run.converted, run.holdout, run.visitsOf('a-day')]).toEqual(['ordered', t0, true, t0 - day, true, true, 1]);
  });

  it('pause and resume are what the walk reads, and the position shows a paused contact at its node', () => {
    const run = new RunState(input, t0);
    run.pause();
    run.showPaused();
    expect(run.paused).toBe(true);
    expect(run.position).toMatchObject({ nodeId: 'a-day', status: 'paused' });
    run.resume();
    expect(run.paused).toBe(false);
  });

  it('the strongest interrupt wins: a stop over an exit over a goal over a restart', () => {
    const run = new RunState(input, t0);
    run.receive(reentry(event('Cart Started', { cartId: 'cart-2' })), t0);
    expect(run.interrupt?.kind).toBe('restart');
    run.receive(routed(event('Upgraded')), t0);
    expect(run.interrupt).toMatchObject({ kind: 'goal', nodeId: 'upgraded', event: { name: 'Upgraded' } });
    run.receive(routed(event('Cart Emptied', { cartId: 'cart-1' })), t0);
    expect(run.interrupt?.kind).toBe('exit');
    run.stop();
    run.receive(routed(event('Cart Emptied', { cartId: 'cart-1' })), t0);
    expect(run.interrupt?.kind).toBe('stop');
  });

  it('the entry event, delivered by signalWithStart, neither exits, converts nor restarts the run it starts', () => {
    const run = new RunState(input, t0);
    run.receive(reentry(entering), t0);
    expect(run.interrupt).toBeNull();
  });

  it('an exit criterion with an entry property exits only on that cart', () => {
    const run = new RunState(input, t0);
    run.receive(routed(event('Cart Emptied', { cartId: 'cart-2' })), t0);
    expect(run.interrupt).toBeNull();
    run.receive(routed(event('Cart Emptied', { cartId: 'cart-1' })), t0);
    expect(run.interrupt).toEqual({ kind: 'exit', event: 'Cart Emptied' });
  });

  it('a goal counts inside its window only, and only once', () => {
    const late = new RunState(input, t0);
    late.receive(routed(event('Upgraded')), t0 + 4 * day);
    expect(late.interrupt).toBeNull();

    const run = new RunState(input, t0);
    run.receive(routed(event('Upgraded')), t0 + day);
    run.reachGoal(run.interrupt as Extract<Interrupt, { kind: 'goal' }>, t0 + day);
    expect([run.converted, run.nodeId, run.interrupt, run.conversion?.name]).toEqual([true, 'upgraded', null, 'Upgraded']);
    run.receive(routed(event('Upgraded')), t0 + day);
    expect(run.interrupt).toBeNull();
  });

  it('a re-entry that is also the goal restarts the run and carries the conversion with it', () => {
    const run = new RunState({ ...input, ir: { ...ir, goals: [{ nodeId: 'upgraded', matcher: { event: 'Cart Started', filters: [] }, windowMs: null }] } }, t0);
    const again = event('Cart Started', { cartId: 'cart-2' });
    run.receive(reentry(again), t0);
    expect(run.interrupt).toEqual({ kind: 'restart', signal: reentry(again), goalNodeId: 'upgraded' });
  });

  it('an interrupted wait does not count as a visit and keeps its start; completing a node moves on and forgets it', () => {
    const run = new RunState(input, t0);
    const wait = ir.nodes['a-day']!;
    expect(run.beginStep(wait, t0)).toEqual({ visit: 1, started: t0 });
    run.interruptStep(wait, 1);
    expect([run.visitsOf('a-day'), run.waitStartedAt]).toEqual([0, t0]);
    expect(run.beginStep(wait, t0 + 1_000)).toEqual({ visit: 1, started: t0 });
    run.arrive('ordered', t0 + 2_000);
    expect([run.nodeId, run.waitStartedAt, run.visitsOf('a-day')]).toEqual(['ordered', null, 1]);
    expect(run.where).toEqual({ nodeId: 'ordered', since: t0 + 2_000 });
    expect(run.beginStep(ir.nodes.done!, t0 + 2_000)).toEqual({ visit: 1, started: t0 + 2_000 });
    expect(run.waitStartedAt).toBeNull();
  });

  it('a wait-for-event sees the order of its cart from the contact’s arrival at it', () => {
    const run = new RunState(input, t0);
    run.receive(routed(event('Order Completed', { cartId: 'cart-1' })), t0);
    run.arrive('ordered', t0);
    expect(run.awaitedEventArrived(null)).toBe(false);
    run.receive(routed(event('Order Completed', { cartId: 'cart-1' })), t0);
    expect(run.awaitedEventArrived(null)).toBe(true);
  });

  it('a migrate is taken once; as first released, a pending one clears an interrupt that came with it', () => {
    const run = new RunState(input, t0);
    const move = { version: 2, ir, nodeMap: {} };
    run.requestMigrate(move);
    run.receive(routed(event('Cart Emptied', { cartId: 'cart-1' })), t0);
    run.interruptStep(ir.nodes['a-day']!, 1);
    expect(run.interrupt).toBeNull();
    expect(run.migrateRequested).toBe(true);
    expect(run.takeMigrate()).toBe(move);
    expect(run.takeMigrate()).toBeNull();
  });

  it('a person’s remove outranks everything, and neither it nor a move is dropped by a pending migrate', () => {
    const run = new RunState(input, t0);
    run.requestMigrate({ version: 2, ir, nodeMap: {} });
    run.move({ toNodeId: 'ordered', reason: 'skip the wait', by: 'ada@example.com' });
    run.interruptStep(ir.nodes['a-day']!, 1);
    expect(run.interrupt).toEqual({ kind: 'move', toNodeId: 'ordered', reason: 'skip the wait', by: 'ada@example.com' });
    run.move({ toNodeId: 'done', reason: 'changed my mind', by: 'ada@example.com' });
    expect(run.interrupt).toMatchObject({ kind: 'move', toNodeId: 'done' });
    run.stop();
    run.remove({ reason: 'asked to leave', by: 'ada@example.com' });
    run.receive(routed(event('Cart Emptied', { cartId: 'cart-1' })), t0);
    expect(run.interrupt).toEqual({ kind: 'remove', reason: 'asked to leave', by: 'ada@example.com' });
  });

  it('a move puts the contact at its new node, its wait there begun afresh; past the end of its path it remembers its last node', () => {
    const run = new RunState(input, t0);
    run.beginStep(ir.nodes['a-day']!, t0);
    run.interruptStep(ir.nodes['a-day']!, 1);
    run.move({ toNodeId: 'ordered', reason: 'r', by: 'b' });
    run.moveTo('ordered', t0 + 5);
    expect([run.interrupt, run.nodeId, run.waitStartedAt, run.where]).toEqual([null, 'ordered', null, { nodeId: 'ordered', since: t0 + 5 }]);
    run.arrive(null, t0 + 6);
    expect([run.where, run.lastNodeId]).toEqual([null, 'ordered']);
  });
});

describe('nextRunInput: the one place a continue-as-new input is built', () => {
  const atTheWait = () => {
    const run = new RunState(input, t0);
    run.beginStep(ir.nodes['a-day']!, t0);
    run.interruptStep(ir.nodes['a-day']!, 1);
    run.holdOut();
    return run;
  };

  it('a restart starts over from the trigger that matched, with its event, and nothing carried', () => {
    const again = event('Cart Started', { cartId: 'cart-2' });
    expect(nextRunInput(atTheWait(), { kind: 'restart', signal: reentry(again) }, t0)).toEqual({ ...input, triggerNodeId: 'go', entering: again, startAt: null, resume: null });
  });

  it('a fresh history carries on at the same node, keeping the wait’s start, visits and flags', () => {
    expect(nextRunInput(atTheWait(), { kind: 'fresh-history', nodeId: 'a-day' }, t0 + day).resume).toEqual({
      nodeId: 'a-day',
      visits: { 'a-day': 0 },
      waitStartedAt: t0,
      paused: false,
      enteredAt: t0,
      converted: false,
      holdout: true,
    });
  });

  it('a move carries on at the mapped wait of the new version; a wait not begun yet begins now', () => {
    const v2 = { ...ir, name: 'Cart v2' };
    const moved = nextRunInput(atTheWait(), { kind: 'move-version', to: { version: 2, ir: v2, nodeMap: {} }, nodeId: 'a-day' }, t0 + day);
    expect([moved.version, moved.ir, moved.resume?.waitStartedAt]).toEqual([2, v2, t0]);
    const notBegun = nextRunInput(new RunState(input, t0), { kind: 'move-version', to: { version: 2, ir: v2, nodeMap: {} }, nodeId: 'a-day' }, t0 + day);
    expect(notBegun.resume?.waitStartedAt).toBe(t0 + day);
  });
});
