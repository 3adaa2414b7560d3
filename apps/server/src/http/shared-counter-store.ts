/**
 * A store for @fastify/rate-limit whose routes share one set of counters. The plugin gives every
 * route its own store by default, so a client spreading calls over /v1/batch, /v1/t and /v1/i
 * would get the limit once per path; keys here are namespaced instead ("write-key:…", "sign-in:…").
 * Counters live in this process's memory, as the plugin's own store's do.
 */
export class SharedCounterStore {
  private readonly counters = new Map<string, { count: number; resetsAt: number }>();

  incr(key: string, callback: (error: Error | null, result: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    let counter = this.counters.get(key);
    if (!counter || counter.resetsAt <= now) {
      counter = { count: 0, resetsAt: now + timeWindow };
      this.counters.set(key, counter);
      if (this.counters.size > 50_000) this.sweep(now);
    }
    counter.count += 1;
    callback(null, { current: counter.count, ttl: counter.resetsAt - now });
  }

  /** Every route uses this same store. */
  child(): this {
    return this;
  }

  private sweep(now: number): void {
    for (const [key, counter] of this.counters) if (counter.resetsAt <= now) this.counters.delete(key);
  }
}
