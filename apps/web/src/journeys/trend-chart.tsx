import { Area, ComposedChart, Line, Tooltip } from 'recharts';
import { hasActivity, trendPoints, trendSummary, type TrendDay } from './trend-data';

const width = 160;
const height = 40;

/**
 * A journey's last 30 days at a glance: entries as an area, conversions as a line, no axes.
 * Screen readers get the totals in words; the tooltip gives each day's numbers.
 */
export function TrendChart({ trend, entries30d, conversions30d }: { trend: readonly TrendDay[]; entries30d: number; conversions30d: number }) {
  const summary = trendSummary({ entries30d, conversions30d });
  if (!hasActivity(trend)) return <span className="muted small">No entries in 30 days</span>;
  return (
    <div className="trend-chart" role="img" aria-label={summary} title={summary}>
      <ComposedChart width={width} height={height} data={trendPoints(trend)} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
        <Tooltip
          cursor={false}
          labelFormatter={(_, payload) => (payload[0]?.payload as { label?: string } | undefined)?.label ?? ''}
          wrapperStyle={{ fontSize: 12, zIndex: 10 }}
        />
        <Area type="monotone" dataKey="entries" name="Entries" stroke="var(--info)" fill="var(--info-bg)" strokeWidth={1.5} isAnimationActive={false} dot={false} />
        <Line type="monotone" dataKey="conversions" name="Conversions" stroke="var(--good)" strokeWidth={1.5} isAnimationActive={false} dot={false} />
      </ComposedChart>
    </div>
  );
}
