import { and, eq, events, sql, type Database } from '@tend/db';
import { moneyOf, storedAsEvent } from '../rfm/purchase-events.js';
import type { CustomerSummary } from './customer-summary.js';

const DAY_MS = 86_400_000;

export interface StoredCustomerSummary extends CustomerSummary {
  contactId: string;
}

export interface PurchaseSummaryOptions {
  /** The end of observation: purchases on later UTC days are left out (its own day counts). */
  asOf: Date;
  /** The purchase event (the RFM settings' `event`). */
  event: string;
  /** Its money property (the RFM settings' `moneyProperty`); values that are not JSON numbers count 0. */
  moneyProperty: string;
}

/**
 * Every buying contact's summary, as `summarisePurchases` would make it from their purchase
 * events (in days, one purchase per UTC calendar day), aggregated in SQL: Postgres returns one
 * row per customer, never their events. A test holds the two to the same results.
 */
export async function readPurchaseSummaries(db: Database, workspaceId: string, options: PurchaseSummaryOptions): Promise<StoredCustomerSummary[]> {
  const endDay = Math.floor(options.asOf.getTime() / DAY_MS);
  const afterEndDay = new Date((endDay + 1) * DAY_MS).toISOString();
  const { rows } = (await db.execute(sql`
    with purchase_days as (
      select ${events.contactId} as contact_id,
             floor(extract(epoch from ${events.occurredAt}) / 86400)::int as day,
             coalesce(sum(${moneyOf(options.moneyProperty)}), 0) as amount
      from ${events}
      where ${and(eq(events.workspaceId, workspaceId), storedAsEvent(options.event))}
        and ${events.occurredAt} < ${afterEndDay}::timestamptz
      group by 1, 2
    ), marked as (
      select *, min(day) over (partition by contact_id) as first_day from purchase_days
    )
    select contact_id as "contactId",
           (count(*) - 1)::int as frequency,
           (max(day) - min(day))::int as recency,
           (${endDay}::int - min(day))::int as age,
           coalesce(sum(amount) filter (where day > first_day) / nullif(count(*) - 1, 0), 0)::float8 as monetary
    from marked
    group by contact_id
    order by contact_id`)) as unknown as { rows: StoredCustomerSummary[] };
  return rows;
}
