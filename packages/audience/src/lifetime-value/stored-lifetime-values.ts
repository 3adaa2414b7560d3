import { lifetimeValueModels, lifetimeValues, eq, sql, type Database } from '@tend/db';
import { readRfmSettings } from '../rfm/rfm-settings.js';
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams } from './bg-nbd.js';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
import { DEFAULT_HORIZON_DAYS, predictLifetimeValue, type LifetimeValuePrediction } from './predict.js';
import { readPurchaseSummaries, type StoredCustomerSummary } from './stored-purchase-summaries.js';

export interface FitLifetimeValuesOptions {
  /** The end of observation, and when the predictions start. */
  asOf: Date;
  /** Days ahead the expected purchases and spend cover. */
  horizonDays?: number;
  /** The purchase event; by default the workspace's RFM settings' `event`. */
  event?: string;
  /** Its money property; by default the RFM settings' `moneyProperty`. */
  moneyProperty?: string;
}

export type FitLifetimeValuesResult =
  | {
      fitted: true;
      /** Customers (contacts with a purchase by asOf), each now with a stored prediction. */
      customers: number;
      params: { purchases: BgNbdParams; spend: GammaGammaParams | null };
      /** Why there is no spend model, when there is none (expected spend then uses the mean spend per purchase day). */
      spendNote?: string;
      /** Milliseconds spent fitting the two models (not reading or storing). */
      fitMs: number;
    }
  | { fitted: false; customers: number; reason: string };

/**
 * Fits the workspace's lifetime-value models (BG/NBD for purchases, Gamma-Gamma for spend when
 * the data allow it) on every customer's purchases up to `asOf`, and replaces the stored models
 * and every customer's prediction in one transaction. When the data cannot be fitted (no
 * customer, nobody who bought on two days, a likelihood with no maximum) nothing is written, the
 * previous fit stays, and the result says why: a schedule keeps running.
 */
export async function fitLifetimeValues(db: Database, workspaceId: string, options: FitLifetimeValuesOptions): Promise<FitLifetimeValuesResult> {
  const { asOf, horizonDays = DEFAULT_HORIZON_DAYS } = options;
  if (!(horizonDays >= 0)) throw new RangeError(`fitLifetimeValues: the horizon must be ≥ 0 days, got ${horizonDays}`);
  const settings = await readRfmSettings(db, workspaceId);
  const event = options.event ?? settings.event;
  const moneyProperty = options.moneyProperty ?? settings.moneyProperty;
  const summaries = await readPurchaseSummaries(db, workspaceId, { asOf, event, moneyProperty });

  const customers = summaries.length;
  if (customers === 0) return { fitted: false, customers, reason: `no contact has a "${event}" event by ${asOf.toISOString()}` };
  if (!summaries.some((summary) => summary.frequency > 0)) {
    return { fitted: false, customers, reason: `no customer bought ("${event}") on two different days: nothing tells how customers drop out` };
  }

  const started = performance.now();
  let purchases: BgNbdParams;
  try {
    purchases = fitBgNbd(summaries).params;
  } catch (error) {
    return { fitted: false, customers, reason: (error as Error).message };
  }
  const spend = fitSpend(summaries);
  const fitMs = performance.now() - started;

  const predictions = spend.params
    ? predictLifetimeValue(summaries, { purchases, spend: spend.params }, horizonDays)
    : predictWithMeanSpend(summaries, purchases, horizonDays);
  await storeFit(db, workspaceId, { asOf, horizonDays, purchases, spend: spend.params, summaries, predictions });
  return { fitted: true, customers, params: { purchases, spend: spend.params }, ...(spend.note ? { spendNote: spend.note } : {}), fitMs };
}

/**
 * The Gamma-Gamma fit, or why there is none. A fit with q ≤ 1 has no finite population mean
 * (p·v/(q − 1)), which a customer without repeat purchases is predicted at: it is not used.
 */
function fitSpend(summaries: readonly StoredCustomerSummary[]): { params: GammaGammaParams | null; note?: string } {
  try {
    const { params } = fitGammaGamma(summaries);
    if (params.q <= 1) return { params: null, note: `fitGammaGamma: q = ${params.q.toPrecision(3)} ≤ 1 gives no finite mean spend` };
    return { params };
  } catch (error) {
    return { params: null, note: (error as Error).message };
  }
}

/** Without a spend model: expected purchases × the mean value of all repeat purchase days. */
function predictWithMeanSpend(summaries: readonly StoredCustomerSummary[], purchases: BgNbdParams, horizonDays: number): LifetimeValuePrediction[] {
  const repeatDays = summaries.reduce((total, { frequency }) => total + frequency, 0);
  const repeatSpend = summaries.reduce((total, { frequency, monetary }) => total + frequency * monetary, 0);
  const meanSpend = repeatDays > 0 ? repeatSpend / repeatDays : 0;
  return summaries.map((summary) => {
    const expected = expectedPurchases(purchases, horizonDays, summary);
    return { probabilityAlive: probabilityAlive(purchases, summary), expectedPurchases: expected, expectedSpend: expected * meanSpend };
  });
}

interface Fit {
  asOf: Date;
  horizonDays: number;
  purchases: BgNbdParams;
  spend: GammaGammaParams | null;
  summaries: readonly StoredCustomerSummary[];
  predictions: readonly LifetimeValuePrediction[];
}

/**
 * Replaces the models and all predictions in one transaction. The predictions go in as one
 * JSON parameter unpacked by `jsonb_to_recordset`: one statement whatever the number of customers.
 */
async function storeFit(db: Database, workspaceId: string, fit: Fit): Promise<void> {
  const rows = fit.summaries.map(({ contactId }, i) => ({ contact_id: contactId, ...snakeCase(fit.predictions[i]!) }));
  const computedAt = fit.asOf.toISOString();
  await db.transaction(async (tx) => {
    // Two fits of one workspace at once would each delete, then collide on insert.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lifetime-values:${workspaceId}`}))`);
    await tx.delete(lifetimeValues).where(eq(lifetimeValues.workspaceId, workspaceId));
    await tx.execute(sql`
      insert into ${lifetimeValues} (workspace_id, contact_id, probability_alive, expected_purchases, expected_spend, computed_at)
      select ${workspaceId}, contact_id, probability_alive, expected_purchases, expected_spend, ${computedAt}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as prediction (contact_id text, probability_alive float8, expected_purchases float8, expected_spend float8)`);
    const model = {
      purchases: { ...fit.purchases },
      spend: fit.spend ? { ...fit.spend } : null,
      customers: fit.summaries.length,
      horizonDays: fit.horizonDays,
      fittedAt: fit.asOf,
    };
    await tx
      .insert(lifetimeValueModels)
      .values({ workspaceId, ...model })
      .onConflictDoUpdate({ target: lifetimeValueModels.workspaceId, set: model });
  });
}

function snakeCase({ probabilityAlive, expectedPurchases, expectedSpend }: LifetimeValuePrediction) {
  return { probability_alive: probabilityAlive, expected_purchases: expectedPurchases, expected_spend: expectedSpend };
}
