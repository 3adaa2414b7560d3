import { plural } from '../ui/format';

/** One day of a journey's trend, as journeys.list sends it (oldest first, days without visits are zeros). */
export interface TrendDay {
  day: string;
  entries: number;
  conversions: number;
}

/** A chart point: the day's counts and the words for the day ("Mar 3"). */
export interface TrendPoint extends TrendDay {
  label: string;
}

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * The points to draw, oldest first. The server's days are UTC dates ("2026-03-03"), so they are
 * labelled in UTC: a reader west of Greenwich would otherwise see each day as the one before.
 */
export function trendPoints(trend: readonly TrendDay[], format: (date: Date) => string = (date) => dayLabel.format(date)): TrendPoint[] {
  return [...trend]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((point) => {
      const date = new Date(`${point.day}T00:00:00Z`);
      return { ...point, label: Number.isNaN(date.getTime()) ? point.day : format(date) };
    });
}

/** Whether anything happened in the period: a flat line at zero says less than "no entries yet". */
export function hasActivity(trend: readonly TrendDay[]): boolean {
  return trend.some((point) => point.entries > 0 || point.conversions > 0);
}

/** Conversions per entry as a percentage ("6.7%"), or null with no entries to divide by. */
export function conversionRate(entries: number, conversions: number): string | null {
  if (entries <= 0) return null;
  const rate = (conversions / entries) * 100;
  return `${rate >= 10 || rate === 0 ? Math.round(rate) : rate.toFixed(1)}%`;
}

/** What the chart shows, for screen readers and the tooltip-less: "40 entries and 3 conversions in the last 30 days". */
export function trendSummary(totals: { entries30d: number; conversions30d: number }): string {
  return `${plural(totals.entries30d, 'entry', 'entries')} and ${plural(totals.conversions30d, 'conversion')} in the last 30 days`;
}
