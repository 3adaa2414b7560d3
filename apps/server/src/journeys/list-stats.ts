import { and, eq, inArray, nodeVisits, sql, type Database } from '@tend/db';

const trendDays = 30;
const dayMs = 24 * 3600 * 1000;

export interface JourneyTrend {
  entries7d: number;
  entries30d: number;
  conversions7d: number;
  conversions30d: number;
  /** One point per UTC day of the last 30, oldest first; days without visits are zeros. */
  trend: { day: string; entries: number; conversions: number }[];
}

/**
 * Entries (trigger visits, outcome "entered") and conversions (goal visits, "converted") of every
 * journey of a workspace over the last 30 days, by day: one query for all journeys.
 */
export async function journeyTrends(db: Database, workspaceId: string, now = new Date()): Promise<Map<string, JourneyTrend>> {
  const days = lastDays(now);
  const since = `${days[0]}T00:00:00Z`;
  const day = sql<string>`to_char(${nodeVisits.at} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      journeyId: nodeVisits.journeyId,
      day,
      entries: sql<number>`(count(*) filter (where ${nodeVisits.outcome} = 'entered'))::int`,
      conversions: sql<number>`(count(*) filter (where ${nodeVisits.outcome} = 'converted'))::int`,
    })
    .from(nodeVisits)
    .where(and(eq(nodeVisits.workspaceId, workspaceId), inArray(nodeVisits.outcome, ['entered', 'converted']), sql`${nodeVisits.at} >= ${since}::timestamptz`))
    .groupBy(nodeVisits.journeyId, day);
  const byJourney = new Map<string, Map<string, { entries: number; conversions: number }>>();
  for (const row of rows) {
    const perDay = byJourney.get(row.journeyId) ?? new Map<string, { entries: number; conversions: number }>();
    perDay.set(row.day, { entries: row.entries, conversions: row.conversions });
    byJourney.set(row.journeyId, perDay);
  }
  const lastWeek = new Set(days.slice(-7));
  const trends = new Map<string, JourneyTrend>();
  for (const [journeyId, perDay] of byJourney) {
    const trend = days.map((d) => ({ day: d, entries: perDay.get(d)?.entries ?? 0, conversions: perDay.get(d)?.conversions ?? 0 }));
    const sum = (points: typeof trend, key: 'entries' | 'conversions') => points.reduce((total, point) => total + point[key], 0);
    const week = trend.filter((point) => lastWeek.has(point.day));
    trends.set(journeyId, { entries7d: sum(week, 'entries'), entries30d: sum(trend, 'entries'), conversions7d: sum(week, 'conversions'), conversions30d: sum(trend, 'conversions'), trend });
  }
  return trends;
}

/** A journey without a visit in the last 30 days. */
export function emptyTrend(now = new Date()): JourneyTrend {
  return { entries7d: 0, entries30d: 0, conversions7d: 0, conversions30d: 0, trend: lastDays(now).map((day) => ({ day, entries: 0, conversions: 0 })) };
}

/** The last 30 UTC days as "YYYY-MM-DD", oldest first, today last. */
function lastDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: trendDays }, (_, index) => new Date(today - (trendDays - 1 - index) * dayMs).toISOString().slice(0, 10));
}
