import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { trpc, trpcClient } from '../trpc';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { actorKind, auditPageSize, describeAuditEntry, nextAuditCursor, targetLabel } from './audit-entry';

/**
 * Who changed what in the workspace, newest first. The API pages with `before` (an id), not
 * tRPC's `cursor`, so this infinite query calls the client itself; its key sits under
 * `audit.list`, so invalidating `trpc.audit.pathKey()` refreshes it.
 */
export function AuditPage() {
  const log = useInfiniteQuery({
    queryKey: [...trpc.audit.list.pathKey(), { type: 'infinite', input: { limit: auditPageSize } }],
    queryFn: ({ pageParam }) => trpcClient.audit.list.query({ limit: auditPageSize, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => nextAuditCursor(page, auditPageSize),
  });
  const members = useQuery(trpc.members.list.queryOptions());
  const emailsById = useMemo(() => new Map((members.data ?? []).map((member) => [member.userId, member.email])), [members.data]);
  const entries = log.data?.pages.flat() ?? [];

  return (
    <div className="page">
      <header className="page__header">
        <h1>Audit log</h1>
        <p className="muted">Every change made in this workspace, through the console, the CLI or an API token. Newest first.</p>
      </header>
      {log.isPending && <Loading what="the audit log" />}
      {log.isError && !log.isFetchNextPageError && <QueryError what="the audit log" error={log.error} />}
      {log.isSuccess && entries.length === 0 && (
        <EmptyState title="Nothing recorded yet">
          <p className="muted">Publishing a journey, inviting someone or creating an API token shows up here.</p>
        </EmptyState>
      )}
      {entries.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Target</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatDateTime(entry.at)}</td>
                <td>
                  {entry.actorLabel} {actorKind(entry.actor) !== 'user' && <Badge>{actorKind(entry.actor)}</Badge>}
                </td>
                <td>
                  {describeAuditEntry(entry)}
                  <div className="muted small">
                    <code>{entry.action}</code>
                  </div>
                </td>
                <td className="trait-value">{entry.target ? targetLabel(entry.target, emailsById) : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length > 0 && (
        <div className="load-more">
          {log.hasNextPage || log.isFetchNextPageError ? (
            <button type="button" className="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <span className="muted small">That is the whole log.</span>
          )}
          {log.isFetchNextPageError && <span className="error-text">Could not load more: {log.error.message}</span>}
        </div>
      )}
    </div>
  );
}
