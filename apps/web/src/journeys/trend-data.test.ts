import { describe, expect, it } from 'vitest';
import { conversionRate, hasActivity, trendPoints, trendSummary } from './trend-data';

describe('trendPoints', () => {
  it('orders days oldest first and labels each UTC day as that day', () => {
    const points = trendPoints(
      [
        { day: '2026-03-02', entries: 4, conversions: 1 },
        { day: '2026-03-01', entries: 2, conversions: 0 },
      ],
      (date) => date.toISOString().slice(5, 10),
    );
    expect(points).toEqual([
      { day: '2026-03-01', entries: 2, conversions: 0, label: '03-01' },
      { day: '2026-03-02', entries: 4, conversions: 1, label: '03-02' },
    ]);
  });

  it('keeps a day it cannot read as its label', () => {
    expect(trendPoints([{ day: 'someday', entries: 0, conversions: 0 }])[0]?.label).toBe('someday');
  });
});

describe('hasActivity', () => {
  it('is false for a period of zeros', () => {
    expect(hasActivity([{ day: '2026-03-01', entries: 0, conversions: 0 }])).toBe(false);
    expect(hasActivity([{ day: '2026-03-01', entries: 0, conversions: 1 }])).toBe(true);
    expect(hasActivity([])).toBe(false);
  });
});

describe('conversionRate', () => {
  it('divides conversions by entries, with one decimal under 10%', () => {
    expect(conversionRate(0, 0)).toBeNull();
    expect(conversionRate(30, 2)).toBe('6.7%');
    expect(conversionRate(10, 5)).toBe('50%');
    expect(conversionRate(10, 0)).toBe('0%');
  });
});

describe('trendSummary', () => {
  it('says the 30-day totals in words', () => {
    expect(trendSummary({ entries30d: 1, conversions30d: 0 })).toBe('1 entry and 0 conversions in the last 30 days');
    expect(trendSummary({ entries30d: 40, conversions30d: 1 })).toBe('40 entries and 1 conversion in the last 30 days');
  });
});
