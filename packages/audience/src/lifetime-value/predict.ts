import { expectedPurchases, probabilityAlive, type BgNbdParams } from './bg-nbd.js';
import type { CustomerSummary } from './customer-summary.js';
import { expectedAverageSpend, type GammaGammaParams } from './gamma-gamma.js';

export interface LifetimeValueModels {
  /** Fitted on summaries in the same time unit as those predicted for (days, from `summarisePurchases`). */
  purchases: BgNbdParams;
  /** Fitted on spend in the same currency as the summaries'. */
  spend: GammaGammaParams;
}

export interface LifetimeValuePrediction {
  /** The probability that the customer has not dropped out (1 for a customer who never bought again). */
  probabilityAlive: number;
  /** Purchases (purchase days) expected over the horizon. */
  expectedPurchases: number;
  /** expectedPurchases × the customer's expected spend per purchase, in the summaries' currency. */
  expectedSpend: number;
}

/** The usual horizon: 90 days. */
export const DEFAULT_HORIZON_DAYS = 90;

/**
 * Predicts, for each summary in order, whether the customer is still a customer and what they
 * will buy and spend over the next `horizon` time units (days for summaries from
 * `summarisePurchases`; 90 by default). The result has one entry per summary, in the same order.
 */
export function predictLifetimeValue(
  summaries: readonly CustomerSummary[],
  models: LifetimeValueModels,
  horizon: number = DEFAULT_HORIZON_DAYS,
): LifetimeValuePrediction[] {
  if (!(horizon >= 0)) throw new RangeError(`predictLifetimeValue: the horizon must be ≥ 0, got ${horizon}`);
  return summaries.map((summary) => {
    const purchases = expectedPurchases(models.purchases, horizon, summary);
    return {
      probabilityAlive: probabilityAlive(models.purchases, summary),
      expectedPurchases: purchases,
      expectedSpend: purchases * expectedAverageSpend(models.spend, spendHistory(summary)),
    };
  });
}

/**
 * A negative mean spend (refunds outweigh purchases) is outside the spend model; such a customer
 * is predicted like one whose past spend says nothing, at the population mean.
 */
function spendHistory(summary: CustomerSummary): Pick<CustomerSummary, 'frequency' | 'monetary'> {
  return summary.monetary > 0 ? summary : { frequency: 0, monetary: 0 };
}
