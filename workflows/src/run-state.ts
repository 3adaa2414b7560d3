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
  /** `goalNodeId`: the same event is also a conversion, recorded before the run starts over. */
  | { kind: 'restart'; signal: ContactEventSignal; goalNodeId?: string };

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
    this.holdout = input.resume?.holdout ?? false;
    this.position = { version: input.version, nodeId: input.triggerNodeId, status: 'running', waitingFor: null, waitingUntil: null, converted: this.converted };
  }

  /** A new event for this contact: may trigger an exit, a conversion or a restart. */
  receive(signal: ContactEventSignal, now: number): void {
    const { event } = signal;
    this.received.push({ seq: ++this.seq, event });
    if (this.received.length > 200) this.received.shift(); // waits only look at recent events
    // signalWithStart delivers the entry event to the run it starts: it neither exits, converts nor restarts it.
    if (signal.triggerNodeId && event.messageId === this.input.entering.messageId) return;
    if (this.ir.exitWhen.some((matcher) => matches(matcher, event) && this.sameAsEntry(event, matcher.matchEntryProperty ?? null))) this.raise({ kind: 'exit' });
    const goal = this.converted
      ? undefined
      : this.ir.goals.find((g) => matches(g.matcher, event) && (g.windowMs === null || now <= this.enteredAt + g.windowMs));
    const restart = Boolean(signal.triggerNodeId && this.ir.reentry === 'restart');
    if (restart) {
      // "90 days since the last order" with "ordered" as the goal: the order converts and starts the clock again.
      this.raise({ kind: 'restart', signal, ...(goal ? { goalNodeId: goal.nodeId } : {}) });
      return;
    }
    if (goal) this.raise({ kind: 'goal', nodeId: goal.nodeId });
  }

  raise(interrupt: Interrupt): void {
    if (!this.interrupt || strength[interrupt.kind] > strength[this.interrupt.kind]) this.interrupt = interrupt;
  }

  /**
   * Where the contact arrived at its current node: events received after it count for a
   * wait-for-event there, including ones that came in before the run reached the node (an order
   * placed while a burst of entries kept the worker busy).
   */
  arrivedAt = 0;

  /** Marks the contact's arrival at the next node. */
  arrive(): void {
    this.arrivedAt = this.seq;
  }

  /** The first event after `since` matching the matcher (and the entry event's property, if asked). */
  findEvent(since: number, matcher: EventMatcher, matchEntryProperty: string | null): ContactEvent | null {
    // The entry event itself never satisfies a wait (a journey may wait for another of its kind).
    const entry = this.input.entering.messageId;
    const found = this.received.find(
      (r) => r.seq > since && r.event.messageId !== entry && matches(matcher, r.event) && this.sameAsEntry(r.event, matchEntryProperty),
    );
    return found?.event ?? null;
  }

  /** The event carries the entry event's value of `property` (always true without a property). */
  private sameAsEntry(event: ContactEvent, property: string | null): boolean {
    if (property === null) return true;
    const entry = this.input.entering.properties;
    return entry[property] !== undefined && event.properties[property] === entry[property];
  }

  visit(nodeId: string): number {
    this.visits[nodeId] = (this.visits[nodeId] ?? 0) + 1;
    return this.visits[nodeId];
  }
}
