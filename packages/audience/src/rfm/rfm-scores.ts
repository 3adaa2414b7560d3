import { and, events, eq, sql, type SQL } from '@tend/db';
import { moneyOf, storedAsEvent } from './purchase-events.js';
import type { RfmSettings } from './rfm-settings.js';

const DAY_MS = 86_400_000;

/**
 * One row per contact with at least one purchase in the window (asOf − windowDays × 24 h, asOf]:
 *   recency_days  whole days (24 h, truncated) from their last purchase's occurred_at to asOf;
 *   frequency     purchases in the window;
 *   monetary      the sum of their purchases' money property (JSON numbers only), exact;
 *   r, f, m       each 1–5 (5 best: most recent, most frequent, most money), see `quintile`.
 */
export function rfmScoresQuery(workspaceId: string, settings: RfmSettings, asOf: Date): SQL {
  const end = asOf.toISOString();
  const start = new Date(asOf.getTime() - settings.windowDays * DAY_MS).toISOString();
  const measured = sql`
    select ${events.contactId} as contact_id,
           floor(extract(epoch from (${end}::timestamptz - max(${events.occurredAt}))) / 86400)::int as recency_days,
           count(*)::int as frequency,
           coalesce(sum(${moneyOf(settings.moneyProperty)}), 0) as monetary
    from ${events}
    where ${and(eq(events.workspaceId, workspaceId), storedAsEvent(settings.event))}
      and ${events.occurredAt} > ${start}::timestamptz and ${events.occurredAt} <= ${end}::timestamptz
    group by ${events.contactId}`;
  return sql`
    select contact_id, recency_days, frequency, monetary,
           ${quintile(sql`recency_days`, 'desc')} as r,
           ${quintile(sql`frequency`, 'asc')} as f,
           ${quintile(sql`monetary`, 'asc')} as m
    from (${measured}) as measured`;
}

/**
 * The 1–5 score of a value, `worstFirst` saying which way is worse: the fifth of the scored
 * contacts that the middle of its tie falls in, 1 + ⌊5 × (worse + tied / 2) / n⌋ in integers,
 * where `worse` counts the contacts strictly worse and `tied` those with the same value. Equal
 * values always share a score (`rank()`, not `ntile`, which splits ties arbitrarily), and a tie
 * takes the score of its middle, not of its first member: when everyone ties (one customer, or
 * a new shop whose buyers all bought today) they score 3, not 1.
 */
function quintile(value: SQL, worstFirst: 'asc' | 'desc'): SQL {
  const order = worstFirst === 'asc' ? sql`${value} asc` : sql`${value} desc`;
  return sql`(1 + (10 * (rank() over (order by ${order}) - 1) + 5 * count(*) over (partition by ${value})) / (2 * count(*) over ()))::smallint`;
}
