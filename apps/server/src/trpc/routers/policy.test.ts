import { describe, expect, test } from 'vitest';
import { dailyCounts, lastDays } from './policy.js';

describe('lastDays', () => {
  test('ends with the UTC day of now, oldest first', () => {
    expect(lastDays(new Date('2030-03-02T23:30:00-05:00'), 3)).toEqual(['2030-03-01', '2030-03-02', '2030-03-03']);
    expect(lastDays(new Date('2030-01-01T00:00:00Z'), 2)).toEqual(['2029-12-31', '2030-01-01']);
  });
});

describe('dailyCounts', () => {
  test('puts each group on its day, tells a held-then-sent message from one sent straight away, and fills empty days', () => {
    const days = ['2030-03-01', '2030-03-02'];
    const counts = dailyCounts(days, [
      { day: '2030-03-02', status: 'sent', held: false, count: 4 },
      { day: '2030-03-02', status: 'sent', held: true, count: 2 },
      { day: '2030-03-02', status: 'deferred', held: true, count: 3 },
      { day: '2030-03-02', status: 'skipped', held: false, count: 1 },
      // Outside the window asked for: not counted anywhere.
      { day: '2030-02-27', status: 'sent', held: false, count: 9 },
    ]);
    expect(counts).toEqual([
      { day: '2030-03-01', sent: 0, sentAfterHold: 0, deferred: 0, skipped: 0, failed: 0, sending: 0 },
      { day: '2030-03-02', sent: 4, sentAfterHold: 2, deferred: 3, skipped: 1, failed: 0, sending: 0 },
    ]);
  });
});
