import { describe, expect, it } from 'vitest';
import { cdnowSummaries } from './fixtures/cdnow.js';
import { expectedAverageSpend, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';

// Fader & Hardie (2013), fitted on CDNOW's 946 customers with a repeat purchase.
const published: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
// lifetimes' fit of the same data, to more digits.
const precise: GammaGammaParams = { p: 6.248802, q: 3.744588, v: 15.447748 };

function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tolerance);
}

describe('fitGammaGamma', () => {
  it('finds the published parameters on CDNOW, within 1%', () => {
    const fit = fitGammaGamma(cdnowSummaries());
    expect(fit.customers).toBe(946);
    for (const name of ['p', 'q', 'v'] as const) expectRelativelyClose(fit.params[name], published[name], 0.01);
  });

  it('leaves out customers without a repeat purchase or with no positive spend', () => {
    const customers = cdnowSummaries().filter((customer) => customer.frequency > 0);
    const withNoise = [...customers, { frequency: 0, monetary: 0 }, { frequency: 3, monetary: -12 }, { frequency: 2, monetary: 0 }];
    const fit = fitGammaGamma(withNoise);
    expect(fit.customers).toBe(946);
    expect(fit.params.p).toBeCloseTo(fitGammaGamma(customers).params.p, 10);
  });

  it('refuses data with no repeat spend at all', () => {
    expect(() => fitGammaGamma([{ frequency: 0, monetary: 0 }])).toThrow('no customer with a repeat purchase');
  });

  it('refuses spend with no variation rather than return absurd parameters', () => {
    const sameSpend = Array.from({ length: 50 }, (_, i) => ({ frequency: 1 + (i % 3), monetary: 20 }));
    expect(() => fitGammaGamma(sameSpend)).toThrow('no maximum at finite parameters');
  });
});

describe('expectedAverageSpend', () => {
  // lifetimes' documentation lists these for the first CDNOW customers.
  it('matches lifetimes on CDNOW customers', () => {
    expect(expectedAverageSpend(precise, { frequency: 2, monetary: 22.35 })).toBeCloseTo(24.658616, 4);
    expect(expectedAverageSpend(precise, { frequency: 1, monetary: 11.77 })).toBeCloseTo(18.91148, 4);
    expect(expectedAverageSpend(precise, { frequency: 0, monetary: 0 })).toBeCloseTo(35.171002, 4);
  });

  it("moves from the population's mean towards the customer's own as purchases add up", () => {
    const populationMean = (precise.p * precise.v) / (precise.q - 1);
    const spends = [1, 5, 25, 500].map((frequency) => expectedAverageSpend(precise, { frequency, monetary: 100 }));
    for (const spend of spends) expect(spend).toBeGreaterThan(populationMean);
    for (let i = 1; i < spends.length; i++) expect(Math.abs(spends[i]! - 100)).toBeLessThan(Math.abs(spends[i - 1]! - 100));
    expect(spends[3]).toBeCloseTo(100, 0);
  });

  it('refuses a population mean that does not exist (q ≤ 1)', () => {
    expect(() => expectedAverageSpend({ p: 2, q: 0.8, v: 10 }, { frequency: 0, monetary: 0 })).toThrow('needs p·x + q > 1');
  });
});
