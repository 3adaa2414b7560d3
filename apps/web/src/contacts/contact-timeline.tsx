import { useInfiniteQuery } from '@tanstack/react-query';
import { trpc, trpcClient } from '../trpc';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { arrivedLater, eventTitle, propertySummary } from './timeline-event';

const pageSize = 50;

/**
 * Every event of the contact, newest first by when it happened: an imported order sits at its
 * invoice's time, with when it arrived beside it. Paged by offset ("Load more").
 */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const timeline = useInfiniteQuery({
    queryKey: [...trpc.contacts.timeline.pathKey(), { type: 'infinite', input: { id: contactId } }],
    queryFn: ({ pageParam }) => trpcClient.contacts.timeline.query({ id: contactId, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (page, pages) => (page.more ? pages.length * pageSize : undefined),
  });
  // Offsets shift when a new event arrives between pages: an event read twice is shown once.
  const events = [...new Map((timeline.data?.pages.flatMap((page) => page.events) ?? []).map((event) => [event.seq, event])).values()];

  return (
    <section className="section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Events</h2>
      {timeline.isPending && <Loading what="the events" />}
      {timeline.isError && !timeline.isFetchNextPageError && <QueryError what="the events" error={timeline.error} />}
      {timeline.isSuccess && events.length === 0 && <p className="muted panel">No events yet: identify and track calls for this contact show up here.</p>}
      {events.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Happened</th>
              <th>Event</th>
              <th>Properties</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.seq}>
                <td className="nowrap">
                  {formatDateTime(event.occurredAt)}
                  {arrivedLater(event) && <div className="muted small">arrived {formatDateTime(event.receivedAt)}</div>}
                </td>
                <td className="strong">{eventTitle(event)}</td>
                <td className="small trait-value">{propertySummary(event.properties) || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {events.length > 0 && (timeline.hasNextPage || timeline.isFetchNextPageError) && (
        <div className="load-more">
          <button type="button" className="button" disabled={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {timeline.isFetchingNextPage ? 'Loading…' : 'Load more events'}
          </button>
          {timeline.isFetchNextPageError && <span className="error-text">Could not load more: {timeline.error.message}</span>}
        </div>
      )}
    </section>
  );
}
