import gammaln from '@stdlib/math-base-special-gammaln';
import type { CustomerSummary } from './customer-summary.js';
import { distinctValues } from './distinct-values.js';
import { fittedParams } from './fit-check.js';
import { hyp2f1 } from './hypergeometric.js';
import { minimize } from './nelder-mead.js';

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). While
 * alive, a customer buys as a Poisson process of rate λ ~ Gamma(r, α) across customers; after each
 * purchase they drop out for good with probability p ~ Beta(a, b). `alpha` is in the time unit of
 * the data it was fitted on (its reciprocal scales the purchase rate); r, a and b have no unit.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export type PurchaseHistory = Pick<CustomerSummary, 'frequency' | 'recency' | 'age'>;

export interface BgNbdFit {
  params: BgNbdParams;
  /** The summed log-likelihood at `params` (CDNOW, in weeks: −9582.4 in the paper). */
  logLikelihood: number;
  /** Likelihood evaluations the optimiser used. */
  evaluations: number;
}

/** One customer's log-likelihood: log P(x repeat purchases, the last at tₓ, in (0, T] | params). */
export function bgNbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, { frequency: x, recency, age }: PurchaseHistory): number {
  const shared = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);
  const stillAlive = -(r + x) * Math.log(alpha + age);
  if (x === 0) return shared + stillAlive;
  const diedAfterLast = Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + recency);
  return shared + logAddExp(stillAlive, diedAfterLast);
}

/**
 * Fits the BG/NBD model by maximum likelihood (no penalty): Nelder-Mead minimises the negative
 * summed log-likelihood over log r, log α, log a, log b, so every parameter stays positive.
 * Throws on an invalid history (naming its index), when no customer bought twice, and when the
 * data cannot pin the model down (see `fittedParams`).
 */
export function fitBgNbd(customers: readonly PurchaseHistory[]): BgNbdFit {
  customers.forEach(checkHistory);
  // Without a repeat purchase, a and b (how customers drop out after buying) do not enter the
  // likelihood at all, and its supremum is at r → 0: there is nothing to fit.
  if (!customers.some((customer) => customer.frequency > 0)) throw new RangeError('fitBgNbd: no customer has a repeat purchase');
  const negativeLogLikelihood = bgNbdObjective(customers);
  const minimum = minimize(negativeLogLikelihood, startingPoint(customers));
  const params = fittedParams('fitBgNbd', ['r', 'alpha', 'a', 'b'], minimum);
  return { params, logLikelihood: -minimum.value, evaluations: minimum.evaluations };
}

/**
 * The probability that a customer with this history has not dropped out by the end of
 * observation (Fader, Hardie & Lee 2008, note 021). It is 1 for a customer with no repeat
 * purchase: in BG/NBD a customer can drop out only right after a purchase.
 */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { frequency: x, recency, age }: PurchaseHistory): number {
  if (x === 0) return 1;
  const logOddsDead = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + recency));
  return 1 / (1 + Math.exp(logOddsDead));
}

/**
 * The expected number of purchases in the next `horizon` time units for a customer with this
 * history (the paper's equation 10):
 *
 *   E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z)]
 *                        / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)),   z = t/(α+T+t) < 1.
 *
 * For a customer with many purchases, ₂F₁ and the power are both huge or tiny and their product
 * ordinary. Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z), with
 * 1 − z = (α+T)/(α+T+t), folds the power in:
 *
 *   ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; c; z) = (1−z)^(a−1) · ₂F₁(a+b−1−r, a−1; c; z),
 *
 * whose first two arguments do not grow with x, so its series has small terms and converges
 * faster the larger x is.
 */
export function expectedPurchases(params: BgNbdParams, horizon: number, history: PurchaseHistory): number {
  if (horizon === 0) return 0;
  const { r, alpha, b } = params;
  // a = 1 makes the formula 0/0 (its limit is finite). Within 10⁻⁹ of 1, a becomes 1 + 10⁻⁹:
  // the subtraction below then keeps about 7 significant digits, finer than any fit can tell.
  const a = Math.abs(params.a - 1) < 1e-9 ? 1 + 1e-9 : params.a;
  const { frequency: x, recency, age } = history;
  const c = a + b + x - 1;
  const z = horizon / (alpha + age + horizon);
  const folded = Math.pow(1 - z, a - 1) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  const ifStillAlive = (c / (a - 1)) * (1 - folded);
  const oddsDead = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + age) / (alpha + recency), r + x) : 0;
  return ifStillAlive / (1 + oddsDead); // 1 / (1 + oddsDead) is probabilityAlive
}

/**
 * The negative summed log-likelihood as a function of the log parameters, for the optimiser.
 * Customers with the same history are counted once, with a weight. Arrays are prepared once, so
 * an evaluation allocates nothing; it computes log-gamma terms once per distinct repeat count,
 * logarithms once per distinct age and recency, and one log-sum-exp per history that has a repeat.
 */
function bgNbdObjective(customers: readonly PurchaseHistory[]): (logParams: Float64Array) => number {
  const { histories, weights } = distinctHistories(customers);
  const frequencies = distinctValues(histories.map((history) => history.frequency));
  const ages = distinctValues(histories.map((history) => history.age));
  const recencies = distinctValues(histories.map((history) => history.recency));
  const exponent = new Float64Array(frequencies.values.length); // r + x
  const logOddsDead = new Float64Array(frequencies.values.length); // log(a / (b + x − 1))
  const shared = new Float64Array(frequencies.values.length); // the terms without tₓ or T
  const logAlphaPlusAge = new Float64Array(ages.values.length);
  const logAlphaPlusRecency = new Float64Array(recencies.values.length);

  return (logParams) => {
    const r = Math.exp(logParams[0]!);
    const alpha = Math.exp(logParams[1]!);
    const a = Math.exp(logParams[2]!);
    const b = Math.exp(logParams[3]!);
    const sharedByAll = -gammaln(r) + r * Math.log(alpha) + gammaln(a + b) - gammaln(b);
    for (let k = 0; k < frequencies.values.length; k++) {
      const x = frequencies.values[k]!;
      exponent[k] = r + x;
      logOddsDead[k] = Math.log(a / (b + x - 1));
      shared[k] = sharedByAll + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x);
    }
    for (let j = 0; j < ages.values.length; j++) logAlphaPlusAge[j] = Math.log(alpha + ages.values[j]!);
    for (let j = 0; j < recencies.values.length; j++) logAlphaPlusRecency[j] = Math.log(alpha + recencies.values[j]!);

    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const k = frequencies.indexOf[i]!;
      const stillAlive = -exponent[k]! * logAlphaPlusAge[ages.indexOf[i]!]!;
      const likelihood =
        frequencies.values[k] === 0
          ? stillAlive
          : logAddExp(stillAlive, logOddsDead[k]! - exponent[k]! * logAlphaPlusRecency[recencies.indexOf[i]!]!);
      total += weights[i]! * (shared[k]! + likelihood);
    }
    return -total;
  };
}

/**
 * Identical histories once each, with how many customers have them. Customers who never bought
 * again differ only by age, so they collapse well: CDNOW's 2,357 customers have 1,016 histories.
 */
function distinctHistories(customers: readonly PurchaseHistory[]): { histories: PurchaseHistory[]; weights: Float64Array } {
  const indexOf = new Map<string, number>();
  const histories: PurchaseHistory[] = [];
  const weights: number[] = [];
  for (const { frequency, recency, age } of customers) {
    const key = `${frequency} ${recency} ${age}`;
    const index = indexOf.get(key);
    if (index === undefined) {
      indexOf.set(key, histories.length);
      histories.push({ frequency, recency, age });
      weights.push(1);
    } else {
      weights[index]! += 1;
    }
  }
  return { histories, weights: Float64Array.from(weights) };
}

/**
 * r = a = b = 1, and α so that the mean purchase rate r/α matches the data's repeat purchases per
 * unit of age: a start on the data's own time scale, whatever the unit.
 */
function startingPoint(customers: readonly PurchaseHistory[]): number[] {
  const repeats = customers.reduce((sum, customer) => sum + customer.frequency, 0);
  const exposure = customers.reduce((sum, customer) => sum + customer.age, 0);
  const alpha = repeats > 0 && exposure > 0 ? exposure / repeats : 1;
  return [0, Math.log(alpha), 0, 0];
}

function checkHistory({ frequency, recency, age }: PurchaseHistory, index: number): void {
  const problem =
    !Number.isInteger(frequency) || frequency < 0 ? `frequency ${frequency} is not a whole number ≥ 0`
    : !(recency >= 0 && recency <= age) ? `recency ${recency} is not within [0, age ${age}]`
    : frequency === 0 && recency !== 0 ? `recency ${recency} is not 0 although frequency is 0`
    : null;
  if (problem) throw new RangeError(`customer ${index}: ${problem}`);
}

/** log(eˣ + eʸ) without overflow. */
function logAddExp(x: number, y: number): number {
  const larger = Math.max(x, y);
  return larger + Math.log(Math.exp(x - larger) + Math.exp(y - larger));
}
