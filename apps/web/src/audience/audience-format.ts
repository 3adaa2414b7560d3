/**
 * Numbers of the audience pages as a reader expects them: money and expected purchases with two
 * decimals, probabilities as percentages, counts with thousands separators. The money property has
 * no currency in Tend (an import's `revenue` is in the shop's own), so none is shown.
 */

const count = new Intl.NumberFormat('en-GB');
const amount = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const share = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return count.format(value);
}

/** 1234.5 → "1,234.50"; null (no prediction) → "—". */
export function formatAmount(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? amount.format(value) : '—';
}

/** 0.1234 → "12.3%". */
export function formatShare(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? share.format(value) : '—';
}

/** The predicted measures' names, as the contact page and the trail say them. */
export const predictedLabels = {
  probabilityAlive: 'Probability still a customer',
  expectedPurchases: 'Expected purchases (next 90 days)',
  expectedSpend: 'Expected spend (next 90 days)',
} as const;

/** A predicted measure's value in its own unit: a probability as a percentage, the others as amounts. */
export function formatPredicted(measure: string, value: number | null | undefined): string {
  return measure === 'probabilityAlive' ? formatShare(value) : formatAmount(value);
}
