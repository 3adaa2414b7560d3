import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bg-nbd.js';
import { summarisePurchases } from './customer-summary.js';
import { cdnowSummaries } from './fixtures/cdnow.js';
import { expectedAverageSpend, fitGammaGamma } from './gamma-gamma.js';
import { predictLifetimeValue, type LifetimeValueModels, type LifetimeValuePrediction } from './predict.js';

// The CDNOW fits (weeks and dollars), restated in days: α is a time, the rest have no unit.
const inWeeks: LifetimeValueModels = {
  purchases: { r: 0.242593, alpha: 4.413532, a: 0.792919, b: 2.42593 },
  spend: { p: 6.248802, q: 3.744588, v: 15.447748 },
};
const inDays: LifetimeValueModels = { ...inWeeks, purchases: { ...inWeeks.purchases, alpha: inWeeks.purchases.alpha * 7 } };

describe('predictLifetimeValue', () => {
  it('gives each customer, in order, their purchases and spend over the horizon', () => {
    const summaries = [
      { frequency: 6, recency: 250, age: 260, monetary: 30 },
      { frequency: 6, recency: 40, age: 260, monetary: 30 },
      { frequency: 0, recency: 0, age: 260, monetary: 0 },
    ];
    const [regular, lapsed, oneOff] = predictLifetimeValue(summaries, inDays);
    expect(regular!.probabilityAlive).toBeGreaterThan(0.8);
    expect(lapsed!.probabilityAlive).toBeLessThan(0.1);
    expect(oneOff!.probabilityAlive).toBe(1);
    expect(regular!.expectedSpend).toBeGreaterThan(lapsed!.expectedSpend);
    for (const [i, prediction] of [regular!, lapsed!, oneOff!].entries()) {
      expect(prediction.expectedSpend).toBeCloseTo(prediction.expectedPurchases * expectedAverageSpend(inDays.spend, summaries[i]!), 10);
    }
  });

  it('predicts the same in days as in weeks, once the horizon and history are in days too', () => {
    const weeks = { frequency: 2, recency: 30.43, age: 38.86, monetary: 22.35 };
    const days = { ...weeks, recency: weeks.recency * 7, age: weeks.age * 7 };
    const [byWeek] = predictLifetimeValue([weeks], inWeeks, 90 / 7);
    const [byDay] = predictLifetimeValue([days], inDays);
    expect(byDay!.expectedPurchases).toBeCloseTo(byWeek!.expectedPurchases, 12);
    expect(byDay!.expectedSpend).toBeCloseTo(byWeek!.expectedSpend, 10);
  });

  it('predicts a customer whose refunds outweigh their purchases at the mean spend of a new one', () => {
    const [refunder, oneOff] = predictLifetimeValue(
      [
        { frequency: 2, recency: 20, age: 30, monetary: -5 },
        { frequency: 0, recency: 0, age: 30, monetary: 0 },
      ],
      inDays,
    );
    expect(refunder!.expectedSpend / refunder!.expectedPurchases).toBeCloseTo(oneOff!.expectedSpend / oneOff!.expectedPurchases, 10);
  });

  it('runs end to end from purchases: summarise in days, fit, predict', () => {
    // CDNOW's customers as dated purchases: the first T weeks before the end, the repeats on the
    // days up to the last one, at tₓ weeks after the first.
    const cdnow = cdnowSummaries();
    const observationEnd = new Date('1997-10-01T00:00:00Z');
    const summaries = cdnow.map(({ frequency, recency, age, monetary }) => {
      const first = observationEnd.getTime() - Math.round(age * 7) * 86_400_000;
      const last = first + Math.round(recency * 7) * 86_400_000;
      const repeats = Array.from({ length: frequency }, (_, i) => ({ at: new Date(last - i * 86_400_000), amount: monetary }));
      return summarisePurchases([{ at: new Date(first), amount: 1 }, ...repeats], observationEnd)!;
    });
    expect(summaries.map((summary) => summary.frequency)).toEqual(cdnow.map((summary) => summary.frequency));

    const models = { purchases: fitBgNbd(summaries).params, spend: fitGammaGamma(summaries).params };
    const predictions = predictLifetimeValue(summaries, models);

    // The same as the published fit predicts in weeks over 90 days, but for rounding to whole days.
    const published = predictLifetimeValue(cdnow, inWeeks, 90 / 7);
    const total = (of: LifetimeValuePrediction[], key: 'expectedPurchases' | 'expectedSpend') => of.reduce((sum, prediction) => sum + prediction[key], 0);
    for (const key of ['expectedPurchases', 'expectedSpend'] as const) {
      expect(Math.abs(total(predictions, key) / total(published, key) - 1)).toBeLessThan(0.001);
    }
  });

  it('refuses a negative horizon', () => {
    expect(() => predictLifetimeValue([], inDays, -1)).toThrow(RangeError);
  });
});
