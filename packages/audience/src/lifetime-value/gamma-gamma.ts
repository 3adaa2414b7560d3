import gammaln from '@stdlib/math-base-special-gammaln';
import type { CustomerSummary } from './customer-summary.js';
import { distinctValues } from './distinct-values.js';
import { fittedParams } from './fit-check.js';
import { minimize } from './nelder-mead.js';

/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value").
 * Each purchase's value is Gamma(p, ν) for a customer-specific ν ~ Gamma(q, v) across customers,
 * so a customer's mean spend is p/ν and the population's mean spend is p·v/(q − 1). `v` is in
 * the currency of the data; p and q have no unit. It assumes spend per purchase does not depend
 * on how often a customer buys.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export type SpendHistory = Pick<CustomerSummary, 'frequency' | 'monetary'>;

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** The summed log-likelihood at `params`. */
  logLikelihood: number;
  /** The customers the fit used: those with a repeat purchase and a positive mean spend. */
  customers: number;
  /** Likelihood evaluations the optimiser used. */
  evaluations: number;
}

/** One customer's log-likelihood: log f(mean spend m over x repeat purchases | params), x > 0, m > 0. */
export function gammaGammaLogLikelihood({ p, q, v }: GammaGammaParams, { frequency: x, monetary: m }: SpendHistory): number {
  const px = p * x;
  return gammaln(px + q) - gammaln(px) - gammaln(q) + q * Math.log(v) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v);
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood (no penalty), by Nelder-Mead over log p,
 * log q, log v. Only customers with a repeat purchase carry spend information (the summary's
 * mean leaves out the first purchase), and a mean of 0 or less (refunds) is outside the model:
 * both are left out, and `customers` says how many were used. Throws when none is left or when
 * the data cannot pin the model down (see `fittedParams`).
 */
export function fitGammaGamma(customers: readonly SpendHistory[]): GammaGammaFit {
  const usable = customers.filter(({ frequency, monetary }) => frequency > 0 && monetary > 0);
  if (usable.length === 0) throw new RangeError('fitGammaGamma: no customer with a repeat purchase of positive value');
  const meanSpend = usable.reduce((sum, customer) => sum + customer.monetary, 0) / usable.length;
  // p = 1, q = 2 and v = the mean spend start the population mean p·v/(q − 1) at the data's.
  const minimum = minimize(gammaGammaObjective(usable), [0, Math.log(2), Math.log(meanSpend)]);
  const params = fittedParams('fitGammaGamma', ['p', 'q', 'v'], minimum);
  return { params, logLikelihood: -minimum.value, customers: usable.length, evaluations: minimum.evaluations };
}

/**
 * A customer's expected spend per purchase, given x repeat purchases of mean value m: a weighted
 * average of the population mean p·v/(q−1) and m, m weighing more the more purchases there are,
 *
 *   E[Z | x, m] = (q−1)/(p·x+q−1) · p·v/(q−1) + p·x/(p·x+q−1) · m = p·(v + x·m) / (p·x + q − 1).
 *
 * For a customer without repeat purchases it is the population mean, which exists only if q > 1.
 */
export function expectedAverageSpend({ p, q, v }: GammaGammaParams, { frequency: x, monetary: m }: SpendHistory): number {
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new RangeError(`expectedAverageSpend: undefined for ${x} repeat purchases when q = ${q} (needs p·x + q > 1)`);
  }
  return (p * (v + x * m)) / denominator;
}

/**
 * The negative summed log-likelihood as a function of the log parameters. An evaluation
 * allocates nothing and takes one logarithm per customer; the log-gamma terms are computed once
 * per distinct repeat count.
 */
function gammaGammaObjective(customers: readonly SpendHistory[]): (logParams: Float64Array) => number {
  const frequencies = distinctValues(customers.map((customer) => customer.frequency));
  const logFrequencies = frequencies.values.map(Math.log);
  const logSpends = Float64Array.from(customers, (customer) => Math.log(customer.monetary));
  const totalSpends = Float64Array.from(customers, (customer) => customer.frequency * customer.monetary);
  const shapes = new Float64Array(frequencies.values.length); // p·x

  return (logParams) => {
    const p = Math.exp(logParams[0]!);
    const q = Math.exp(logParams[1]!);
    const v = Math.exp(logParams[2]!);
    const perCustomer = -gammaln(q) + q * Math.log(v);
    let total = 0;
    for (let k = 0; k < frequencies.values.length; k++) {
      const px = p * frequencies.values[k]!;
      shapes[k] = px;
      total += frequencies.counts[k]! * (perCustomer + gammaln(px + q) - gammaln(px) + px * logFrequencies[k]!);
    }
    for (let i = 0; i < logSpends.length; i++) {
      const px = shapes[frequencies.indexOf[i]!]!;
      total += (px - 1) * logSpends[i]! - (px + q) * Math.log(totalSpends[i]! + v);
    }
    return -total;
  };
}
