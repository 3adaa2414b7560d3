import { describe, expect, it } from 'vitest';
import { RateBacklogError, SendRate } from './rate-limit.js';

/** A clock that moves only when the limiter sleeps: each send's slot is read off exactly. */
function manualClock() {
  let now = 1000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), read: () => now };
}

describe('SendRate', () => {
  it('spaces sends evenly, 1/rate apart, the first at once', async () => {
    const clock = manualClock();
    const rate = new SendRate(5, clock);
    const slots: number[] = [];
    for (let i = 0; i < 4; i++) {
      await rate.take();
      slots.push(clock.read());
    }
    expect(slots).toEqual([1000, 1200, 1400, 1600]);
  });

  it('queues callers in flight in the order they asked', async () => {
    const rate = new SendRate(20);
    const began = performance.now();
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => rate.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(performance.now() - began).toBeGreaterThanOrEqual(140); // three gaps of 50 ms
  });

  it('refuses a send further back in the queue than maxWaitMs, without queueing it, so it is retried later', async () => {
    const clock = manualClock();
    const rate = new SendRate(1, { ...clock, maxWaitMs: 2000, name: 'SMS_RATE_LIMIT' });
    const queued = [rate.take(), rate.take(), rate.take()]; // at once, in 1 s, in 2 s: the most allowed
    const refused = rate.take();
    await expect(refused).rejects.toBeInstanceOf(RateBacklogError);
    await expect(refused).rejects.toThrow('SMS_RATE_LIMIT (1/s in this process) has 3 sends ahead of this one (3 s); it will be retried');
    await Promise.all(queued);
    expect(clock.read()).toBe(3000);
    await rate.take(); // the queue has gone: a send may wait again
    expect(clock.read()).toBe(4000);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => new SendRate(0)).toThrow('a send rate must be a positive number of messages a second, got 0');
    expect(() => new SendRate(Number.NaN)).toThrow(/got NaN/);
  });
});
