import {
  matchesFilters,
  type ContactEvent,
  type ContactEventSignal,
  type EventMatcher,
  type JourneyIr,
  type JourneyPosition,
  type JourneyWorkflowInput,
  type MigrateSignal,
} from '@tend/journey/ir';

/** Why the walk must leave the node it is at, strongest first. */
export type Interrupt =
  | { kind: 'stop' }
  | { kind: 'exit' }
  | { kind: 'goal'; nodeId: string }
  | { kind: 'restart'; signal: ContactEventSignal };

const strength: Record<Interrupt['kind'], number> = { stop: 4, exit: 3, goal: 2, restart: 1 };

interface Received {
  seq: number;
  event: ContactEvent;
}

export function matches(matcher: EventMatcher, event: ContactEvent): boolean {
  return event.type === 'track' && event.name === matcher.event && matchesFilters(event.properties, matcher.filters);
}

/**
 * The mutable state of one contact's run: what it received, where it is, and whether
 * something (an exit event, a goal, a stop) must interrupt it. Deterministic: it only
 * changes in signal handlers and the workflow's own steps.
 */
export class RunState {
  readonly input: JourneyWorkflowInput;
  readonly ir: JourneyIr;
  readonly visits: Record<string, number>;
  readonly enteredAt: number;
  converted: boolean;
  paused: boolean;
  holdout = false;
  interrupt: Interrupt | null = null;
  pendingMigrate: MigrateSignal | null = null;
  position: JourneyPosition;
  private received: Received[] = [];
  private seq = 0;

  constructor(input: JourneyWorkflowInput, now: number) {
    this.input = input;
    this.ir = input.ir;
    this.visits = { ...(input.resume?.visits ?? {}) };
    this.enteredAt = input.resume?.enteredAt ?? now;
    this.converted = input.resume?.converted ?? false;
    this.paused = input.resume?.paused ?? false;
    this.position = { version: input.version, nodeId: input.triggerNodeId, status: 'running', waitingFor: null, waitingUntil: null, converted: this.converted };
  }

  /** A new event for this contact: may trigger an exit, a conversion or a restart. */
  receive(signal: ContactEventSignal, now: number): void {
    const { event } = signal;
    this.received.push({ seq: ++this.seq, event });
    if (this.received.length > 200) this.received.shift(); // waits only look at recent events
    if (this.ir.exitWhen.some((matcher) => matches(matcher, event))) this.raise({ kind: 'exit' });
    if (!this.converted) {
      const goal = this.ir.goals.find((g) => matches(g.matcher, event) && (g.windowMs === null || now <= this.enteredAt + g.windowMs));
      if (goal) this.raise({ kind: 'goal', nodeId: goal.nodeId });
    }
    if (signal.triggerNodeId && this.ir.reentry === 'restart') this.raise({ kind: 'restart', signal });
  }

  raise(interrupt: Interrupt): void {
    if (!this.interrupt || strength[interrupt.kind] > strength[this.interrupt.kind]) this.interrupt = interrupt;
  }

  /** A marker before a wait: only events received after it count for that wait. */
  mark(): number {
    return this.seq;
  }

  /** The first event after `since` matching the matcher (and the entry event's property, if asked). */
  findEvent(since: number, matcher: EventMatcher, matchEntryProperty: string | null): ContactEvent | null {
    const entry = this.input.entering.properties;
    const found = this.received.find(
      (r) =>
        r.seq > since &&
        matches(matcher, r.event) &&
        (matchEntryProperty === null || (entry[matchEntryProperty] !== undefined && r.event.properties[matchEntryProperty] === entry[matchEntryProperty])),
    );
    return found?.event ?? null;
  }

  visit(nodeId: string): number {
    this.visits[nodeId] = (this.visits[nodeId] ?? 0) + 1;
    return this.visits[nodeId];
  }
}
