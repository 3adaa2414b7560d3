import {
  eventMatches,
  type ContactEvent,
  type ContactEventSignal,
  type IrNode,
  type JourneyIr,
  type JourneyPosition,
  type JourneyWorkflowInput,
  type MigrateSignal,
  type MoveSignal,
  type RemoveSignal,
  type ResumeState,
  type RunPosition,
} from '@tend/journey/ir';
import { AwaitedEvent } from './awaited-event.js';

/** Why the walk must leave the node it is at, strongest first. */
export type Interrupt =
  /** A person took this contact out (remove signal). */
  | ({ kind: 'remove' } & RemoveSignal)
  | { kind: 'stop' }
  | { kind: 'exit'; event?: string }
  /** A person moves this contact to another node of the same version (move signal). */
  | ({ kind: 'move' } & MoveSignal)
  | { kind: 'goal'; nodeId: string; event?: Conversion }
  /** `goalNodeId`: the same event is also a conversion, recorded before the run starts over. */
  | { kind: 'restart'; signal: ContactEventSignal; goalNodeId?: string };

/** The event that converted a contact, as the goal visit records it. */
export type Conversion = Pick<ContactEvent, 'name' | 'messageId' | 'occurredAt'>;

const strength: Record<Interrupt['kind'], number> = { remove: 6, stop: 5, exit: 4, move: 3, goal: 2, restart: 1 };

/** Interrupts a person sent to this one contact: never dropped by a pending migrate (see interruptStep). */
export function isByPerson(interrupt: Interrupt | null): interrupt is Extract<Interrupt, { kind: 'remove' | 'move' }> {
  return interrupt?.kind === 'remove' || interrupt?.kind === 'move';
}

/** Nodes where a contact waits: the only ones a move to a new version takes a contact from, or to. */
export function isWait(node: IrNode | undefined): boolean {
  return node?.kind === 'wait' || node?.kind === 'wait-until' || node?.kind === 'wait-for-event';
}

/**
 * The state of one contact's run: where the walk is, what must interrupt it, and what the
 * position query answers. Signal handlers and the walk change it only through these methods,
 * and it reads no clock (callers pass workflow time), so it stays deterministic.
 */
export class RunState {
  readonly input: JourneyWorkflowInput;
  readonly ir: JourneyIr;
  /** Epoch ms the contact entered, kept across continue-as-new: goal windows and the cool-down count from here. */
  readonly enteredAt: number;
  readonly #visits: Record<string, number>;
  #nodeId: string | null;
  /** Epoch ms the contact arrived at #nodeId (the routing index shows it there since then). */
  #arrivedAt: number;
  /** The last node the contact was at, kept once its path ran out: where a remove or move is recorded then. */
  #lastNodeId: string;
  #waitStartedAt: number | null;
  #converted: boolean;
  #conversion: Conversion | null = null;
  #paused: boolean;
  #holdout: boolean;
  #interrupt: Interrupt | null = null;
  #migrate: MigrateSignal | null = null;
  #position: JourneyPosition;
  readonly #awaited: AwaitedEvent;

  constructor(input: JourneyWorkflowInput, now: number) {
    const { resume } = input;
    this.input = input;
    this.ir = input.ir;
    this.enteredAt = resume?.enteredAt ?? now;
    this.#visits = { ...(resume?.visits ?? {}) };
    this.#nodeId = resume ? resume.nodeId : (this.ir.triggers.find((trigger) => trigger.nodeId === input.triggerNodeId)?.next ?? null);
    this.#waitStartedAt = resume?.waitStartedAt ?? null;
    this.#arrivedAt = resume?.waitStartedAt ?? now;
    this.#lastNodeId = this.#nodeId ?? input.triggerNodeId;
    this.#converted = resume?.converted ?? false;
    this.#paused = resume?.paused ?? false;
    this.#holdout = resume?.holdout ?? false;
    this.#position = { version: input.version, nodeId: input.triggerNodeId, status: 'running', waitingFor: null, waitingUntil: null, converted: this.#converted };
    this.#awaited = new AwaitedEvent(input.entering, this.#nodeAt(this.#nodeId));
  }

  // --- Where the walk is ---

  /** The node the contact is at; null once its path ran out. */
  get nodeId(): string | null {
    return this.#nodeId;
  }

  /** Where the run is for the routing index: its node and since when; null past the end of its path. */
  get where(): RunPosition | null {
    return this.#nodeId === null ? null : { nodeId: this.#nodeId, since: this.#arrivedAt };
  }

  /** The node the contact is at, or the last one it was at once its path ran out. */
  get lastNodeId(): string {
    return this.#nodeId ?? this.#lastNodeId;
  }

  /** Epoch ms the wait at the contact's node began, if it did (a resumed wait keeps its deadline). */
  get waitStartedAt(): number | null {
    return this.#waitStartedAt;
  }

  /** Counts a visit of `nodeId` and returns its number (1 for the first). */
  visit(nodeId: string): number {
    this.#visits[nodeId] = (this.#visits[nodeId] ?? 0) + 1;
    return this.#visits[nodeId];
  }

  visitsOf(nodeId: string): number {
    return this.#visits[nodeId] ?? 0;
  }

  /** Begins the node the contact is at: counts the visit; a wait begun before (then interrupted) keeps its start. */
  beginStep(node: IrNode, now: number): { visit: number; started: number } {
    const visit = this.visit(node.id);
    this.#show({ nodeId: node.id, status: 'running', waitingFor: null, waitingUntil: null });
    const started = this.#waitStartedAt ?? now;
    this.#waitStartedAt = isWait(node) ? started : null;
    return { visit, started };
  }

  /** The node did not complete (a wait was interrupted): its visit does not count, and the wait keeps its start. */
  interruptStep(node: IrNode, visit: number): void {
    this.#visits[node.id] = visit - 1;
    // As first released, and so kept for replay: a pending move also drops an interrupt that came
    // with it (see "Known gaps" in workflows/README.md). Changing this needs patched(). A remove or
    // move sent to this contact is kept: no history before them holds one.
    if (this.#migrate && !isByPerson(this.#interrupt)) this.#interrupt = null;
  }

  /** The node completed: the contact arrives at `nodeId` (at `now`), or at the end of its path. */
  arrive(nodeId: string | null, now: number): void {
    if (this.#nodeId !== null) this.#lastNodeId = this.#nodeId;
    this.#nodeId = nodeId;
    this.#arrivedAt = now;
    this.#waitStartedAt = null;
    this.#awaited.arrive(this.#nodeAt(nodeId));
  }

  /** A goal event came: the contact converts and jumps to the goal node. */
  reachGoal(goal: Extract<Interrupt, { kind: 'goal' }>, now: number): void {
    this.#interrupt = null;
    this.#converted = true;
    this.#conversion = goal.event ?? null;
    this.arrive(goal.nodeId, now);
  }

  /** The event that converted the contact in this run, for the goal visit's detail. */
  get conversion(): Conversion | null {
    return this.#conversion;
  }

  /** A person's move is done (or refused): the contact goes on at `nodeId`, its wait there begun afresh. */
  moveTo(nodeId: string | null, now: number): void {
    this.#interrupt = null;
    if (nodeId !== null) this.arrive(nodeId, now);
  }

  /** A goal event came after the walk ended: the contact converts where it is. */
  markConverted(): void {
    this.#converted = true;
  }

  get converted(): boolean {
    return this.#converted;
  }

  /** On the holdout path of a split: actions are recorded, never performed. */
  holdOut(): void {
    this.#holdout = true;
  }

  get holdout(): boolean {
    return this.#holdout;
  }

  /** Whether an event the contact's wait-for-event node waits for came since the contact got there (see AwaitedEvent). */
  awaitedEventArrived(lookback: number | null): boolean {
    return this.#awaited.arrived(lookback);
  }

  // --- Signals ---

  /** A new event for this contact: may be what a wait waits for, and may raise an exit, a conversion or a restart. */
  receive(signal: ContactEventSignal, now: number): void {
    const { event } = signal;
    const entry = this.input.entering;
    this.#awaited.receive(event);
    // signalWithStart delivers the entry event to the run it starts: it neither exits, converts nor restarts it.
    if (signal.triggerNodeId && event.messageId === entry.messageId) return;
    if (this.ir.exitWhen.some((exit) => eventMatches(exit, event, { entry, property: exit.matchEntryProperty }))) {
      this.#raise({ kind: 'exit', ...(event.name ? { event: event.name } : {}) });
    }
    const goal = this.#converted
      ? undefined
      : this.ir.goals.find((g) => eventMatches(g.matcher, event) && (g.windowMs === null || now <= this.enteredAt + g.windowMs));
    if (signal.triggerNodeId && this.ir.reentry === 'restart') {
      // "90 days since the last order" with "ordered" as the goal: the order converts and starts the clock again.
      this.#raise({ kind: 'restart', signal, ...(goal ? { goalNodeId: goal.nodeId } : {}) });
      return;
    }
    if (goal) this.#raise({ kind: 'goal', nodeId: goal.nodeId, event: { name: event.name, messageId: event.messageId, occurredAt: event.occurredAt } });
  }

  /** Holds the contact before its next node; a wait already begun runs out, but nothing after it starts. */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Ends the run at once (the journey was archived). */
  stop(): void {
    this.#raise({ kind: 'stop' });
  }

  /** A person takes this contact out of the journey, with a reason for its trail. */
  remove(signal: RemoveSignal): void {
    this.#raise({ kind: 'remove', reason: signal.reason, by: signal.by });
  }

  /** A person moves this contact to another node of its version; the latest move wins. */
  move(signal: MoveSignal): void {
    this.#raise({ kind: 'move', toNodeId: signal.toNodeId, reason: signal.reason, by: signal.by });
  }

  /** What must interrupt the walk, if anything: the strongest raised since the walk last took one. */
  get interrupt(): Interrupt | null {
    return this.#interrupt;
  }

  /** Move to a newer version at the contact's next wait (or the wait it is in). The latest request wins. */
  requestMigrate(signal: MigrateSignal): void {
    this.#migrate = signal;
  }

  get migrateRequested(): boolean {
    return this.#migrate !== null;
  }

  /** The pending move, taken once: a move the new version cannot place (no wait there) is dropped. */
  takeMigrate(): MigrateSignal | null {
    const move = this.#migrate;
    this.#migrate = null;
    return move;
  }

  // --- The position query ---

  get position(): JourneyPosition {
    return { ...this.#position, converted: this.#converted };
  }

  /** Waiting at the node shown (or before the first node, for a scheduled start) until `until`. */
  showWaiting(waitingFor: string, until: number): void {
    this.#show({ nodeId: this.#position.nodeId, status: 'waiting', waitingFor, waitingUntil: new Date(until).toISOString() });
  }

  /** Past the end of the path, waiting for a goal until its window closes. */
  showWaitingForGoal(until: number): void {
    this.#show({ nodeId: null, status: 'waiting', waitingFor: 'goal', waitingUntil: new Date(until).toISOString() });
  }

  showPaused(): void {
    this.#show({ nodeId: this.#nodeId, status: 'paused', waitingFor: null, waitingUntil: null });
  }

  showCompleted(): void {
    this.#show({ nodeId: null, status: 'completed', waitingFor: null, waitingUntil: null });
  }

  // --- Continue-as-new ---

  /** What the next run needs to carry on at `nodeId` (see nextRunInput). */
  resumeAt(nodeId: string, waitStartedAt: number | null): ResumeState {
    return { nodeId, visits: { ...this.#visits }, waitStartedAt, paused: this.#paused, enteredAt: this.enteredAt, converted: this.#converted, holdout: this.#holdout };
  }

  #show(where: Omit<JourneyPosition, 'version' | 'converted'>): void {
    this.#position = { ...this.#position, ...where };
  }

  #nodeAt(nodeId: string | null): IrNode | undefined {
    return nodeId === null ? undefined : this.ir.nodes[nodeId];
  }

  #raise(interrupt: Interrupt): void {
    const current = this.#interrupt;
    if (!current || strength[interrupt.kind] > strength[current.kind] || (interrupt.kind === 'move' && current.kind === 'move')) this.#interrupt = interrupt;
  }
}
