import { describe, expect, test } from 'vitest';
import { anyMessages, dayBars, daysSummary } from './message-days';

const day = (date: string, counts: Partial<Record<'sent' | 'sentAfterHold' | 'deferred' | 'skipped' | 'failed' | 'sending', number>> = {}) => ({
  day: date,
  sent: 0,
  sentAfterHold: 0,
  deferred: 0,
  skipped: 0,
  failed: 0,
  sending: 0,
  ...counts,
});

describe('the messages chart', () => {
  test('labels UTC days oldest first', () => {
    const bars = dayBars([day('2030-03-02'), day('2030-03-01')], (date) => date.toISOString().slice(5, 10));
    expect(bars.map((bar) => bar.label)).toEqual(['03-01', '03-02']);
  });

  test('says what it shows in words', () => {
    const days = [day('2030-03-01', { sent: 3, sentAfterHold: 1, skipped: 2 }), day('2030-03-02', { deferred: 4 })];
    expect(daysSummary(days)).toBe('4 sent (1 after waiting), 4 deferred and 2 skipped in 2 days');
    expect(daysSummary([day('2030-03-01', { failed: 1 })])).toBe('0 sent, 0 deferred, 0 skipped and 1 failed in 1 day');
  });

  test('knows when there is nothing to draw', () => {
    expect(anyMessages([day('2030-03-01'), day('2030-03-02')])).toBe(false);
    expect(anyMessages([day('2030-03-01', { sending: 1 })])).toBe(true);
  });
});
