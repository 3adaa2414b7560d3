import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebounced } from '../editor/inspector/preview/use-debounced';
import { readableMessage } from '../session/api-errors';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc, trpcClient } from '../trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { ActionsHeader, RemoveRowButton } from '../ui/row-actions';
import { channelNames, channels, type Channel, type SuppressionRow } from './messaging-types';
import { removalWarning, suppressionReason } from './suppression-words';

const pageSize = 50;

/**
 * Addresses nothing is sent to, transactional messages included: hard bounces, complaints,
 * unreachable numbers, STOP replies. Newest first, searched by part of the address; an admin
 * removes one whose cause is gone (a mailbox that works again).
 */
export function SuppressionsSection() {
  const { workspace } = useSession();
  const [search, setSearch] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const settledSearch = useDebounced(search.trim(), 300);
  const input = { search: settledSearch || undefined, channel: channel || undefined };
  const list = useInfiniteQuery({
    queryKey: [...trpc.policy.suppressions.pathKey(), { type: 'infinite', input }],
    queryFn: ({ pageParam }) => trpcClient.policy.suppressions.query({ ...input, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (page, pages) => (page.more ? pages.length * pageSize : undefined),
  });
  const [removing, setRemoving] = useState<SuppressionRow | null>(null);
  const remove = useMutation(
    trpc.policy.removeSuppression.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.policy.suppressions.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.policy.contactConsents.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
    }),
  );
  const readOnlyWhy = roleHint(workspace.role, 'admin');
  const rows = list.data?.pages.flatMap((page) => page.suppressions) ?? [];
  const filtered = Boolean(settledSearch || channel);

  return (
    <section className="panel section" aria-labelledby="suppressions-title">
      <h2 id="suppressions-title">Suppressions</h2>
      <p className="muted">
        Nothing is sent to these addresses, not even transactional messages. A hard bounce or a spam complaint (from the deliverability
        webhook), a number the SMS provider refused, or a STOP reply puts an address here; a START reply lifts its STOP.
      </p>
      <div className="suppression-filters">
        <input
          className="input"
          type="search"
          aria-label="Search suppressed addresses"
          placeholder="Part of an address"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <select className="select" aria-label="Channel" value={channel} onChange={(event) => setChannel(channels.find((name) => name === event.target.value) ?? '')}>
          <option value="">All channels</option>
          {channels.map((name) => (
            <option key={name} value={name}>
              {channelNames[name]}
            </option>
          ))}
        </select>
      </div>
      {list.isPending && <Loading what="suppressions" />}
      {list.isError && !list.isFetchNextPageError && <QueryError what="suppressions" error={list.error} />}
      {list.isSuccess && rows.length === 0 && (
        <EmptyState title={filtered ? 'No suppressed address matches' : 'No suppressed addresses'}>
          <p className="muted">{filtered ? 'Try another part of the address, or all channels.' : 'Every address can be reached.'}</p>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <table className="table table--compact" aria-label="Suppressed addresses">
          <thead>
            <tr>
              <th>Channel</th>
              <th>Address</th>
              <th>Reason</th>
              <th>Source</th>
              <th>Since</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.channel} ${row.address}`}>
                <td>{channelNames[row.channel]}</td>
                <td className="trait-value">{row.address}</td>
                <td>{suppressionReason(row.reason)}</td>
                <td className="muted small">{row.source}</td>
                <td className="nowrap">{formatDateTime(row.createdAt)}</td>
                <td className="num">
                  {!readOnlyWhy && (
                    <RemoveRowButton onClick={() => setRemoving(row)} label={`Remove suppression of ${row.address}`} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && (list.hasNextPage || list.isFetchNextPageError) && (
        <div className="load-more">
          <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
          {list.isFetchNextPageError && <span className="error-text">Could not load more: {list.error.message}</span>}
        </div>
      )}
      {readOnlyWhy && <p className="muted small">Only admins and owners remove a suppression. {readOnlyWhy}</p>}
      <ConfirmDialog
        open={removing !== null}
        title={`Send to ${removing?.address ?? 'this address'} again?`}
        confirmLabel="Remove suppression"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ channel: removing.channel, address: removing.address })}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        {removing && (
          <>
            <p>
              {suppressionReason(removing.reason)} since {formatDateTime(removing.createdAt)}. {removalWarning(removing.reason)}
            </p>
            <p className="muted">A contact's unsubscribe is kept in their consent: removing this does not subscribe anyone.</p>
          </>
        )}
        {remove.error && <p className="error-text">Could not remove: {readableMessage(remove.error)}</p>}
      </ConfirmDialog>
    </section>
  );
}
