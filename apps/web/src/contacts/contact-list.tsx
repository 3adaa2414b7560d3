import { useInfiniteQuery } from '@tanstack/react-query';
import { formatAmount, formatCount } from '../audience/audience-format';
import type { ContactListRow } from '../audience/audience-types';
import { hrefFor, type ContactFilters } from '../routing/route';
import { navigate } from '../routing/use-route';
import { trpc, trpcClient } from '../trpc';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { contactLabel, listInput } from './contact-filters';

/**
 * The workspace's contacts, newest first, filtered and paged on the server. contacts.list pages
 * with `after` (not tRPC's `cursor`), so this infinite query calls the client itself; its key sits
 * under `contacts.list`, so invalidating `trpc.contacts.pathKey()` refreshes it.
 */
export function ContactList({ filters }: { filters: ContactFilters | undefined }) {
  const input = listInput(filters);
  const list = useInfiniteQuery({
    queryKey: [...trpc.contacts.list.pathKey(), { type: 'infinite', input }],
    queryFn: ({ pageParam }) => trpcClient.contacts.list.query({ ...input, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  if (list.isPending) return <Loading what="contacts" />;
  if (list.isError && !list.isFetchNextPageError) return <QueryError what="contacts" error={list.error} />;
  if (rows.length === 0) return <NoContacts filtered={filters !== undefined} />;
  return (
    <section className="section" aria-label="Contacts found">
      <p className="muted" role="status">
        {formatCount(total)} {total === 1 ? 'contact' : 'contacts'}
        {rows.length < total && `, showing the newest ${formatCount(rows.length)}`}
      </p>
      <table className="table table--compact contact-table">
        <thead>
          <tr>
            <th>Contact</th>
            <th>User id</th>
            <th>RFM group</th>
            <th className="num" title="Predicted by the lifetime-value model">
              Predicted spend (90 days)
            </th>
            <th>First seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ContactRow key={row.id} row={row} />
          ))}
        </tbody>
      </table>
      <div className="load-more">
        {list.hasNextPage || list.isFetchNextPageError ? (
          <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : (
          <span className="muted small">That is everyone who matches.</span>
        )}
        {list.isFetchNextPageError && <span className="error-text">Could not load more: {list.error.message}</span>}
      </div>
    </section>
  );
}

/** A whole row opens the contact; the name is the link, for the keyboard and for "open in a new tab". */
function ContactRow({ row }: { row: ContactListRow }) {
  const route = { page: 'contact', id: row.id, journeyId: null } as const;
  const label = contactLabel(row);
  return (
    <tr className="contact-table__row" onClick={(event) => !(event.target as HTMLElement).closest('a') && navigate(route)}>
      <td>
        <a className="strong" href={hrefFor(route)}>
          {label}
        </a>
        {row.email && row.email !== label && <div className="muted small">{row.email}</div>}
      </td>
      <td>{row.userId ? <code>{row.userId}</code> : <span className="muted small">anonymous</span>}</td>
      <td>{row.rfmGroup ? <Badge tone="accent">{row.rfmGroup}</Badge> : <span className="muted">—</span>}</td>
      <td className="num">{formatAmount(row.expectedSpend)}</td>
      <td className="nowrap">{formatDateTime(row.createdAt)}</td>
    </tr>
  );
}

function NoContacts({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState title="No contact matches">
        <p className="muted">Try fewer filters, or part of a name or email instead of all of it.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No contacts yet">
      <p>
        Contacts appear when the first <code>identify</code> or <code>track</code> call for them arrives, or when you{' '}
        <a href={hrefFor({ page: 'import' })}>import a file</a>.
      </p>
    </EmptyState>
  );
}
