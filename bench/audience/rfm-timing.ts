import { computeRfm, readRfmSettings, rfmBaselineQuery } from '@tend/audience';
import type { Database } from '@tend/db';
import { number, progress, type Comparison } from '../report.js';
import { median } from '../stats.js';
import { takeTurns } from './timed.js';

const runs = 3;

/**
 * computeRfm over every customer (scores, groups, the stored rows and the summary it reads back)
 * beside executing rfmBaselineQuery alone: the same scores from one hand-written SELECT that
 * stores nothing. Median of `runs`, taking turns.
 */
export async function benchRfm(db: Database, workspaceId: string, asOf: Date) {
  progress(`RFM as of ${asOf.toISOString().slice(0, 10)}: computeRfm and the baseline query, ${runs} times each`);
  const settings = await readRfmSettings(db, workspaceId);
  let scored = 0;
  let baselineRows = 0;
  const samples = await takeTurns(runs, {
    compute: async () => (scored = (await computeRfm(db, workspaceId, { asOf })).contacts),
    baseline: async () => (baselineRows = ((await db.execute(rfmBaselineQuery(workspaceId, settings, asOf))) as unknown as { rows: unknown[] }).rows.length),
  });
  const rows: Comparison[] = [
    { figure: 'computeRfm, all customers, median', value: median(samples.compute), baseline: 'rfmBaselineQuery alone, median', base: median(samples.baseline), unit: 'duration' },
  ];
  const notes = [
    `RFM: ${number(scored)} customers scored (the baseline query returned ${number(baselineRows)} rows), ${settings.windowDays}-day window, median of ${runs}; ` +
      'computeRfm also deletes and writes rfm_scores in a transaction and reads the summary back.',
  ];
  return { rows, notes };
}
