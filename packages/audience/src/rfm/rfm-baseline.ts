import { sql, type SQL } from '@tend/db';
import type { RfmSettings } from './rfm-settings.js';

/**
 * The bench's baseline for `computeRfm`: one plain SELECT that computes the same recency,
 * frequency, monetary and 1–5 scores, written out by hand and storing nothing, so the bench can
 * show what computing RFM costs beside what the query alone does. Rows: contact_id,
 * recency_days, frequency, monetary, r, f, m (a test checks they equal the stored scores).
 */
export function rfmBaselineQuery(workspaceId: string, settings: RfmSettings, asOf: Date): SQL {
  const end = asOf.toISOString();
  const start = new Date(asOf.getTime() - settings.windowDays * 86_400_000).toISOString();
  const { event, moneyProperty } = settings;
  return sql`
    select contact_id, recency_days, frequency, monetary::float8 as monetary,
           (1 + (10 * (rank() over (order by recency_days desc) - 1) + 5 * count(*) over (partition by recency_days)) / (2 * count(*) over ()))::int as r,
           (1 + (10 * (rank() over (order by frequency) - 1) + 5 * count(*) over (partition by frequency)) / (2 * count(*) over ()))::int as f,
           (1 + (10 * (rank() over (order by monetary) - 1) + 5 * count(*) over (partition by monetary)) / (2 * count(*) over ()))::int as m
    from (
      select contact_id,
             floor(extract(epoch from ${end}::timestamptz - max(occurred_at)) / 86400)::int as recency_days,
             count(*)::int as frequency,
             coalesce(sum(case when jsonb_typeof(properties -> ${moneyProperty}::text) = 'number'
                               then (properties ->> ${moneyProperty}::text)::numeric end), 0) as monetary
      from events
      where workspace_id = ${workspaceId}
        and ((type = 'track' and name = ${event}::text)
             or (type = 'page' and ${event}::text = 'Page Viewed')
             or (type = 'screen' and ${event}::text = 'Screen Viewed'))
        and occurred_at > ${start}::timestamptz and occurred_at <= ${end}::timestamptz
      group by contact_id
    ) as per_contact`;
}
