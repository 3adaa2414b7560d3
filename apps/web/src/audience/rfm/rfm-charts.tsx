import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAmount, formatCount, formatShare } from '../audience-format';
import type { RfmGroupSummary } from '../audience-types';

const rowHeight = 26;

/**
 * Each group's size and share of revenue as bars (recharts, loaded with this file only when the
 * RFM page shows them). Choosing a bar chooses the group. The table beside them has the same figures
 * for screen readers.
 */
export function RfmCharts({ groups, selected, onSelect }: { groups: readonly RfmGroupSummary[]; selected: string | null; onSelect: (group: string) => void }) {
  const data = groups.map((group) => ({ name: group.name as string, contacts: group.contacts, share: group.revenueShare, revenue: group.revenue }));
  const height = data.length * rowHeight + 30;
  const shareTicks = ticksUpTo(Math.max(0, ...data.map((entry) => entry.share)));
  return (
    <div className="rfm-charts" aria-hidden="true">
      <figure className="panel rfm-chart">
        <figcaption className="strong">Contacts per group</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} fontSize={11} />
            <YAxis type="category" dataKey="name" width={130} fontSize={12} interval={0} />
            <Tooltip formatter={(value) => [formatCount(Number(value)), 'Contacts']} cursor={{ fill: 'var(--neutral-bg)' }} />
            <Bar dataKey="contacts" isAnimationActive={false} onClick={(entry) => onSelect(String((entry as { name?: unknown }).name))} cursor="pointer">
              {data.map((entry) => (
                <Cell key={entry.name} fill={entry.name === selected ? 'var(--accent)' : '#a98be0'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="panel rfm-chart">
        <figcaption className="strong">Share of revenue</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <XAxis type="number" domain={[0, shareTicks.at(-1)!]} ticks={shareTicks} tickFormatter={(value: number) => formatShare(value)} fontSize={11} />
            <YAxis type="category" dataKey="name" width={130} fontSize={12} interval={0} />
            <Tooltip
              formatter={(value, _name, item) => [`${formatShare(Number(value))} (${formatAmount((item.payload as { revenue: number }).revenue)})`, 'Revenue']}
              cursor={{ fill: 'var(--neutral-bg)' }}
            />
            <Bar dataKey="share" isAnimationActive={false} onClick={(entry) => onSelect(String((entry as { name?: unknown }).name))} cursor="pointer">
              {data.map((entry) => (
                <Cell key={entry.name} fill={entry.name === selected ? 'var(--good)' : '#7cc39a'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}

/** Round shares for the axis: 0, 10%, 20%… up to the largest, or by 25% when it passes a half. */
function ticksUpTo(largest: number): number[] {
  const step = largest > 0.5 ? 0.25 : 0.1;
  const top = Math.max(step, Math.ceil(largest / step - 1e-9) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => Number((index * step).toFixed(2)));
}
