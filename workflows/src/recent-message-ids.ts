/**
 * The message ids of the last events a run received. Routing may hand a run the same event twice
 * (a routing consumer crashed after signalling, before marking the event routed); the run
 * applies it once. Bounded, so a run that hears many events keeps a small state; an event
 * routed again is always a recent one.
 */
export class RecentMessageIds {
  readonly #ids = new Set<string>();

  constructor(private readonly capacity = 500) {}

  /** Whether this id came before; remembers it either way. */
  repeated(messageId: string): boolean {
    if (this.#ids.has(messageId)) return true;
    this.#ids.add(messageId);
    if (this.#ids.size > this.capacity) this.#ids.delete(this.#ids.values().next().value!);
    return false;
  }
}
