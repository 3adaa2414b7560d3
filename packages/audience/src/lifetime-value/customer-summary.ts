/**
 * What the lifetime value models know of one customer: the `lifetimes` (Python) summary, with
 * every time in one unit. Summaries built by `summarisePurchases` are in days.
 */
export interface CustomerSummary {
  /** x: repeat purchases, counted as purchase days after the first one (an integer ≥ 0). */
  frequency: number;
  /** tₓ: time from the first purchase to the last one; 0 when `frequency` is 0. */
  recency: number;
  /** T: time from the first purchase to the end of observation. */
  age: number;
  /** Mean value of the repeat purchase days (first day excluded); 0 when `frequency` is 0. */
  monetary: number;
}

export interface Purchase {
  at: Date;
  amount: number;
}

const DAY_MS = 86_400_000;

/**
 * Summarises one customer's purchases as seen at `observationEnd`, in days, the way `lifetimes`'
 * `summary_data_from_transaction_data(..., freq="D")` does:
 * - time is counted in whole UTC calendar days; purchases on one day are one purchase whose
 *   amount is the day's total (the models count purchase occasions, not order lines);
 * - purchases on days after `observationEnd`'s day are ignored (its own day counts);
 * - frequency = purchase days − 1, recency = last day − first day, age = end day − first day;
 * - monetary = mean of the repeat days' totals: the first day's is left out, because the
 *   Gamma-Gamma spend model is about repeat purchases (and it is 0 when there are none).
 * Returns null when there is no purchase on or before `observationEnd`: a customer not yet
 * acquired has no summary.
 */
export function summarisePurchases(purchases: readonly Purchase[], observationEnd: Date): CustomerSummary | null {
  const endDay = utcDay(observationEnd);
  const totalByDay = new Map<number, number>();
  for (const { at, amount } of purchases) {
    const day = utcDay(at);
    if (day <= endDay) totalByDay.set(day, (totalByDay.get(day) ?? 0) + amount);
  }
  if (totalByDay.size === 0) return null;

  const days = [...totalByDay.keys()].sort((a, b) => a - b);
  const firstDay = days[0]!;
  const lastDay = days[days.length - 1]!;
  const repeatDays = days.slice(1);
  const repeatTotal = repeatDays.reduce((sum, day) => sum + totalByDay.get(day)!, 0);
  return {
    frequency: repeatDays.length,
    recency: lastDay - firstDay,
    age: endDay - firstDay,
    monetary: repeatDays.length > 0 ? repeatTotal / repeatDays.length : 0,
  };
}

function utcDay(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('summarisePurchases: invalid date');
  return Math.floor(ms / DAY_MS);
}
