import { and, eq, events, or, sql, type SQL } from '@tend/db';

/**
 * Stored calls that journeys see as the event `name`: track events of that name, and page or
 * screen calls for "Page Viewed" / "Screen Viewed". The same rule as `storedAsEvent` in
 * packages/routing/src/routed-event.ts (audience may not import routing): keep the two in step.
 */
export function storedAsEvent(name: string): SQL {
  return or(
    and(eq(events.type, 'track'), eq(events.name, name)),
    name === 'Page Viewed' ? eq(events.type, 'page') : undefined,
    name === 'Screen Viewed' ? eq(events.type, 'screen') : undefined,
  )!;
}

/**
 * An event's money property as an exact `numeric`, or null when it is missing or not a JSON
 * number (a string "12.50" is not money here). Exact, so that two customers who spent the same
 * amounts have equal sums whatever order Postgres adds them in, and tie.
 */
export function moneyOf(property: string): SQL {
  return sql`case when jsonb_typeof(${events.properties} -> ${property}::text) = 'number' then (${events.properties} ->> ${property}::text)::numeric end`;
}
