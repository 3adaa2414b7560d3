import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { trpc } from '../trpc';
import { Loading, QueryError } from '../ui/query-status';
import { anyMessages, dayBars, dayParts, daysSummary } from './message-days';

const days = 14;
/** New sends land while the page is open; the chart is a glance, so a slow poll does. */
const pollMs = 30_000;

/**
 * The last 14 days' marketing and transactional messages per day, by what became of them:
 * sent, sent after the policy held them, held now, skipped, failed. The caption says the same
 * in words for screen readers.
 */
export function MessagesChart() {
  const counts = useQuery(trpc.policy.messagesByDay.queryOptions({ days }, { refetchInterval: pollMs }));
  return (
    <section className="panel section" aria-labelledby="messages-chart-title">
      <h2 id="messages-chart-title">Messages, last {days} days</h2>
      {counts.isPending && <Loading what="the message counts" />}
      {counts.isError && <QueryError what="the message counts" error={counts.error} />}
      {counts.data && !anyMessages(counts.data) && <p className="muted">No messages in the last {days} days.</p>}
      {counts.data && anyMessages(counts.data) && (
        <figure className="messages-chart">
          <div role="img" aria-label={daysSummary(counts.data)}>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={dayBars(counts.data)} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
                <CartesianGrid vertical={false} stroke="var(--border)" />
                <XAxis dataKey="label" fontSize={11} interval="preserveStartEnd" />
                <YAxis allowDecimals={false} fontSize={11} />
                <Tooltip cursor={{ fill: 'var(--neutral-bg)' }} wrapperStyle={{ fontSize: 12 }} />
                {/* In the bars' order, bottom to top (recharts sorts by label otherwise), in the page's text colour. */}
                <Legend
                  wrapperStyle={{ fontSize: 12 }}
                  itemSorter={(item) => dayParts.findIndex((part) => part.key === item.dataKey)}
                  formatter={(label: string) => <span style={{ color: 'var(--text)' }}>{label}</span>}
                />
                {dayParts.map((part) => (
                  <Bar key={part.key} dataKey={part.key} name={part.label} stackId="messages" fill={part.colour} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="muted small">{daysSummary(counts.data)}. Days are UTC; a message counts on the day its step was reached.</figcaption>
        </figure>
      )}
    </section>
  );
}
