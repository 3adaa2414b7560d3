import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams } from './bg-nbd.js';
import { cdnowPurchaseHistories } from './fixtures/cdnow.js';

// Fader, Hardie & Lee (2005), fitted on the CDNOW sample in weeks.
const published: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
// The same fit to more digits (lifetimes' documentation), for comparisons with hand-computed values.
const precise: BgNbdParams = { r: 0.242593, alpha: 4.413532, a: 0.792919, b: 2.42593 };

function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tolerance);
}

describe('fitBgNbd', () => {
  it('finds the published parameters on CDNOW, within 1%', () => {
    const fit = fitBgNbd(cdnowPurchaseHistories());
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expectRelativelyClose(fit.params[name], published[name], 0.01);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
  });

  it('sums per-customer log-likelihoods to the published −9582.4', () => {
    const total = cdnowPurchaseHistories().reduce((sum, customer) => sum + bgNbdLogLikelihood(precise, customer), 0);
    expect(total).toBeCloseTo(-9582.4256, 3);
  });

  it('refuses an impossible history, naming the customer', () => {
    const customers = [{ frequency: 1, recency: 2, age: 5 }, { frequency: 2, recency: 9, age: 5 }];
    expect(() => fitBgNbd(customers)).toThrow('customer 1: recency 9 is not within [0, age 5]');
    expect(() => fitBgNbd([{ frequency: 1.5, recency: 1, age: 5 }])).toThrow('customer 0: frequency 1.5');
    expect(() => fitBgNbd([{ frequency: 0, recency: 1, age: 5 }])).toThrow('although frequency is 0');
  });

  it('refuses data in which nobody bought twice: it says nothing of how customers drop out', () => {
    const nobodyCameBack = Array.from({ length: 50 }, (_, i) => ({ frequency: 0, recency: 0, age: 10 + i }));
    expect(() => fitBgNbd(nobodyCameBack)).toThrow('no customer has a repeat purchase');
    expect(() => fitBgNbd([])).toThrow('no customer has a repeat purchase');
  });

  it('refuses data whose likelihood has no finite maximum rather than return absurd parameters', () => {
    // Everyone bought exactly once more: the best fit has everyone drop out after one repeat (b → 0).
    const allAlike = Array.from({ length: 50 }, (_, i) => ({ frequency: 1, recency: i / 2, age: 30 }));
    expect(() => fitBgNbd(allAlike)).toThrow('no maximum at finite parameters');
    expect(() => fitBgNbd([{ frequency: 1, recency: 3, age: 10 }, { frequency: 0, recency: 0, age: 10 }])).toThrow('cannot pin the model down');
  });
});

// Reference values computed with mpmath at 40 digits from the paper's formulas, as written
// (without the Euler transformation our code uses).
describe('probabilityAlive and expectedPurchases', () => {
  const cases = [
    { horizon: 39, history: { frequency: 2, recency: 30.43, age: 38.86 }, alive: 0.7266111562374412, purchases: 1.22591269673966 },
    { horizon: 39, history: { frequency: 0, recency: 0, age: 38.86 }, alive: 1, purchases: 0.19478133234078968 },
    { horizon: 39, history: { frequency: 10, recency: 38, age: 38.86 }, alive: 0.921457200730689, purchases: 6.705910316097562 },
    { horizon: 1, history: { frequency: 7, recency: 29.43, age: 35.38 }, alive: 0.7668060100698313, purchases: 0.1384541075410331 },
    // In the paper's form, factors of about 10⁻⁵⁵⁸ and 10⁵⁵⁸ (beyond doubles): Euler's transformation keeps them out.
    { horizon: 39, history: { frequency: 2000, recency: 38.8, age: 38.86 }, alive: 0.9936839856509901, purchases: 1366.1946402594594 },
    // z = 0.995: a long series.
    { horizon: 5000, history: { frequency: 3, recency: 10, age: 20 }, alive: 0.5026912579358499, purchases: 21.609323641579966 },
  ];

  it.each(cases)('match the formulas for $history over $horizon weeks', ({ horizon, history, alive, purchases }) => {
    expectRelativelyClose(probabilityAlive(precise, history), alive, 1e-12);
    expectRelativelyClose(expectedPurchases(precise, horizon, history), purchases, 1e-10);
  });

  it("reproduce the paper's worked example: 1.226 purchases in the next 39 weeks", () => {
    expect(expectedPurchases(published, 39, { frequency: 2, recency: 30.43, age: 38.86 })).toBeCloseTo(1.226, 3);
  });

  it('count a customer who never bought again as alive (BG/NBD drops customers only after a purchase)', () => {
    expect(probabilityAlive(published, { frequency: 0, recency: 0, age: 52 })).toBe(1);
  });

  it('rate a recent buyer more alive, and busier, than one with the same purchases long ago', () => {
    const recent = { frequency: 5, recency: 36, age: 38 };
    const lapsed = { frequency: 5, recency: 8, age: 38 };
    expect(probabilityAlive(published, recent)).toBeGreaterThan(probabilityAlive(published, lapsed));
    expect(expectedPurchases(published, 13, recent)).toBeGreaterThan(expectedPurchases(published, 13, lapsed));
  });

  it('expect more purchases over a longer horizon, and none over no time', () => {
    const history = { frequency: 3, recency: 20, age: 30 };
    const horizons = [0, 1, 4, 13, 52, 520];
    const expected = horizons.map((horizon) => expectedPurchases(published, horizon, history));
    expect(expected[0]).toBe(0);
    for (let i = 1; i < expected.length; i++) expect(expected[i]).toBeGreaterThan(expected[i - 1]!);
  });

  it('stay finite when a is 1, where the formula is 0/0', () => {
    const history = { frequency: 3, recency: 20, age: 30 };
    const atOne = expectedPurchases({ ...published, a: 1 }, 13, history);
    expectRelativelyClose(atOne, expectedPurchases({ ...published, a: 1 + 1e-6 }, 13, history), 1e-5);
  });
});
