/** A send that would wait too long for its slot: retried later by Temporal, never dropped. */
export class RateBacklogError extends Error {
  override name = 'RateBacklogError';
}

export interface SendRateOptions {
  /** What the rate is called in errors, e.g. "SMS_RATE_LIMIT". */
  name?: string;
  /** The longest a send waits for its slot; beyond it the send fails, to be retried. Default 30 s. */
  maxWaitMs?: number;
  /** For tests: the clock and the sleep the limiter uses. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A provider's send rate, kept by one process: sends leave evenly spaced, 1/perSecond apart (no
 * burst: a provider that allows 5 a second often counts them per fraction of a second). Each
 * caller reserves the next free slot and waits for it, so callers in flight queue in order.
 *
 * The limit is per process: with several workers, give each its share (the provider's rate ÷
 * the number of workers). A transport waits in `send`, right before it calls the provider: only
 * messages the policy let through take a slot, and the provider sees the spacing exactly. That
 * is under the send's ledger lease (3 minutes), so the wait is kept far below it: a slot further
 * away than `maxWaitMs` (30 s) is refused with a RateBacklogError instead, which the ledger
 * records and Temporal retries with backoff, so a backlog becomes retries rather than a queue
 * of activities outliving their leases and timeouts.
 */
export class SendRate {
  readonly perSecond: number;
  private readonly name: string;
  private readonly spacingMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** When the last send left (ms on `now`'s clock). */
  private lastAt = -Infinity;
  /** Sends queued and not yet gone. */
  private waiting = 0;
  /** The queue: each send goes a spacing after the one before it actually went. */
  private tail: Promise<void> = Promise.resolve();

  constructor(perSecond: number, options: SendRateOptions = {}) {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new Error(`a send rate must be a positive number of messages a second, got ${perSecond}`);
    this.perSecond = perSecond;
    this.name = options.name ?? 'the send rate';
    this.spacingMs = 1000 / perSecond;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when this send may go; throws RateBacklogError (joining no queue) when that is too far away. */
  take(): Promise<void> {
    const waitMs = Math.max(0, this.lastAt + this.spacingMs - this.now()) + this.waiting * this.spacingMs;
    if (waitMs > this.maxWaitMs) {
      return Promise.reject(
        new RateBacklogError(`${this.name} (${this.perSecond}/s in this process) has ${this.waiting} sends ahead of this one (${Math.round(waitMs / 1000)} s); it will be retried`),
      );
    }
    this.waiting += 1;
    // Spaced from when the previous send went, not when it was due: a stalled event loop that
    // wakes several timers at once still lets them go one spacing apart.
    this.tail = this.tail.then(async () => {
      const due = this.lastAt + this.spacingMs - this.now();
      if (due > 0) await this.sleep(due);
      this.lastAt = this.now();
      this.waiting -= 1;
    });
    return this.tail;
  }
}
