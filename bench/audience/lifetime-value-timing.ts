import { fitBgNbd, fitGammaGamma, fitLifetimeValues, readPurchaseSummaries, readRfmSettings, type BgNbdFit, type StoredCustomerSummary } from '@tend/audience';
import type { Database } from '@tend/db';
import { format, number, progress, type Comparison } from '../report.js';
import { median } from '../stats.js';
import { takeTurns } from './timed.js';

const runs = 3;

/**
 * fitLifetimeValues (read every buyer's summary in SQL, fit BG/NBD and Gamma-Gamma, predict,
 * store every prediction) beside reading the summaries alone; and its fitMs (the two fits, as it
 * reports them) beside a bare fitBgNbd on the same summaries. Medians of `runs`.
 */
export async function benchLifetimeValues(db: Database, workspaceId: string, asOf: Date) {
  progress(`predicted lifetime value as of ${asOf.toISOString().slice(0, 10)}: fitLifetimeValues and its baselines, ${runs} times each`);
  const { event, moneyProperty } = await readRfmSettings(db, workspaceId);
  const fitMs: number[] = [];
  let customers = 0;
  let summaries: StoredCustomerSummary[] = [];
  const total = await takeTurns(runs, {
    fit: async () => {
      const fitted = await fitLifetimeValues(db, workspaceId, { asOf });
      if (!fitted.fitted) throw new Error(`fitLifetimeValues did not fit: ${fitted.reason}`);
      fitMs.push(fitted.fitMs);
      customers = fitted.customers;
    },
    summaries: async () => (summaries = await readPurchaseSummaries(db, workspaceId, { asOf, event, moneyProperty })),
  });

  let fit: BgNbdFit | undefined;
  const bare = await takeTurns(runs, { bgNbd: () => (fit = fitBgNbd(summaries)), gammaGamma: () => fitGammaGamma(summaries) });

  const rows: Comparison[] = [
    { figure: 'fitLifetimeValues, all customers, median', value: median(total.fit), baseline: 'readPurchaseSummaries alone, median', base: median(total.summaries), unit: 'duration' },
    { figure: '  of which fitting (fitMs), median', value: median(fitMs), baseline: 'bare fitBgNbd, same summaries, median', base: median(bare.bgNbd), unit: 'duration' },
  ];
  const { r, alpha, a, b } = fit!.params;
  const notes = [
    `lifetime value: ${number(customers)} customers; BG/NBD r = ${number(r)}, α = ${number(alpha)} days, a = ${number(a)}, b = ${number(b)} (${number(fit!.evaluations)} likelihood evaluations); ` +
      `fitMs covers BG/NBD and Gamma-Gamma: a bare fitGammaGamma took ${format(median(bare.gammaGamma), 'duration')} more (median of ${runs}).`,
  ];
  return { rows, notes };
}
