import { eventMatches, type ContactEvent, type IrNode } from '@tend/journey/ir';

/**
 * All a run keeps of the events it received. Goals and exits are decided as each event arrives;
 * only a wait-for-event looks back, and only as far as the contact's arrival at it: events
 * that came in before the run reached the node count (an order placed while a burst of entries
 * kept the worker busy), events from before the arrival do not. So instead of a buffer of events,
 * one number: the latest event since the arrival that the node there waits for.
 */
export class AwaitedEvent {
  readonly #entering: ContactEvent;
  /** Events received so far by this run, the entry event included: an event's position in this count is its number. */
  #received = 0;
  /** The node the contact is at; undefined past the end of its path. */
  #node: IrNode | undefined;
  /** The number of the latest event since the contact arrived at `#node` that the node waits for. */
  #latest: number | null = null;

  constructor(entering: ContactEvent, node: IrNode | undefined) {
    this.#entering = entering;
    this.#node = node;
  }

  /** The contact arrived at `node`: only events from now on can satisfy a wait there. */
  arrive(node: IrNode | undefined): void {
    this.#node = node;
    this.#latest = null;
  }

  receive(event: ContactEvent): void {
    this.#received++;
    const node = this.#node;
    if (node?.kind !== 'wait-for-event') return;
    // The entry event itself never satisfies a wait (a journey may wait for another of its kind).
    if (event.messageId === this.#entering.messageId) return;
    if (eventMatches(node.matcher, event, { entry: this.#entering, property: node.matchEntryProperty })) this.#latest = this.#received;
  }

  /**
   * Whether an awaited event came since the arrival. `lookback`: among the last that many events
   * received only, as runs started before the patch "wait-for-event-without-200-event-limit" saw
   * them (they kept the last 200 events); null: however many came after it.
   */
  arrived(lookback: number | null): boolean {
    if (this.#latest === null) return false;
    return lookback === null || this.#latest > this.#received - lookback;
  }
}
