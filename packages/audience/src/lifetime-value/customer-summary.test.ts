import { describe, expect, it } from 'vitest';
import { summarisePurchases } from './customer-summary.js';

const at = (iso: string) => new Date(iso);

describe('summarisePurchases', () => {
  it('counts repeat purchase days, and times in days from the first purchase', () => {
    const purchases = [
      { at: at('2025-01-01T10:00:00Z'), amount: 40 },
      { at: at('2025-01-11T09:00:00Z'), amount: 30 },
      { at: at('2025-01-31T23:59:00Z'), amount: 50 },
    ];
    expect(summarisePurchases(purchases, at('2025-03-02T12:00:00Z'))).toEqual({ frequency: 2, recency: 30, age: 60, monetary: 40 });
  });

  it('treats purchases on one UTC day as one purchase of their total', () => {
    const purchases = [
      { at: at('2025-01-01T01:00:00Z'), amount: 10 },
      { at: at('2025-01-01T23:00:00Z'), amount: 15 },
      { at: at('2025-01-05T00:30:00Z'), amount: 20 },
      { at: at('2025-01-05T22:00:00Z'), amount: 5 },
    ];
    expect(summarisePurchases(purchases, at('2025-01-10T00:00:00Z'))).toEqual({ frequency: 1, recency: 4, age: 9, monetary: 25 });
  });

  it("leaves the first purchase out of monetary, and gives 0 when there's no repeat", () => {
    expect(summarisePurchases([{ at: at('2025-01-01T00:00:00Z'), amount: 500 }], at('2025-01-08T00:00:00Z'))).toEqual({
      frequency: 0,
      recency: 0,
      age: 7,
      monetary: 0,
    });
  });

  it('ignores purchases after the end of observation, but counts those on its day', () => {
    const purchases = [
      { at: at('2025-02-01T00:00:00Z'), amount: 10 },
      { at: at('2025-02-03T20:00:00Z'), amount: 20 },
      { at: at('2025-02-04T00:00:00Z'), amount: 99 },
    ];
    expect(summarisePurchases(purchases, at('2025-02-03T08:00:00Z'))).toEqual({ frequency: 1, recency: 2, age: 2, monetary: 20 });
  });

  it('has no summary for a customer who had not bought yet', () => {
    expect(summarisePurchases([], at('2025-02-03T00:00:00Z'))).toBeNull();
    expect(summarisePurchases([{ at: at('2025-03-01T00:00:00Z'), amount: 10 }], at('2025-02-03T00:00:00Z'))).toBeNull();
  });

  it('accepts purchases in any order', () => {
    const purchases = [
      { at: at('2025-01-20T00:00:00Z'), amount: 30 },
      { at: at('2025-01-01T00:00:00Z'), amount: 10 },
      { at: at('2025-01-10T00:00:00Z'), amount: 20 },
    ];
    expect(summarisePurchases(purchases, at('2025-01-31T00:00:00Z'))).toEqual({ frequency: 2, recency: 19, age: 30, monetary: 25 });
  });
});
