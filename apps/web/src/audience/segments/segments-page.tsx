import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { hrefFor } from '../../routing/route';
import { readableMessage } from '../../session/api-errors';
import { roleAllows } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc } from '../../trpc';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime } from '../../ui/format';
import { Loading, QueryError } from '../../ui/query-status';
import { formatCount } from '../audience-format';
import type { SegmentSummary } from '../audience-types';
import { AudienceNav } from '../audience-nav';
import '../audience.css';

/**
 * The workspace's segments by name, with their size when last computed. Membership is kept up to
 * date on each event and hourly; "Recompute" does it now for one.
 */
export function SegmentsPage() {
  const { workspace } = useSession();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const canEdit = roleAllows(workspace.role, 'marketer');
  return (
    <div className="page page--wide">
      <AudienceNav current="segments" />
      <header className="page__header page__header--row audience-header">
        <div>
          <h1>Segments</h1>
          <p className="muted">Groups of contacts by traits, events, lists, RFM group and predicted value, kept up to date as events arrive. A journey can start when someone enters one.</p>
        </div>
        {canEdit && (
          <a className="button button--primary" href={hrefFor({ page: 'segment', id: null })}>
            New segment
          </a>
        )}
      </header>
      {segments.isPending && <Loading what="segments" />}
      {segments.isError && <QueryError what="segments" error={segments.error} />}
      {segments.data?.length === 0 && (
        <EmptyState title="No segments yet">
          <p className="muted">
            Build one from conditions (&ldquo;ordered at least twice in the last 90 days&rdquo;, &ldquo;RFM group At risk&rdquo;), or start from a group on
            the <a href={hrefFor({ page: 'rfm' })}>RFM page</a>.
          </p>
        </EmptyState>
      )}
      {segments.data && segments.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Segment</th>
              <th className="num">Contacts</th>
              <th>Last computed</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {segments.data.map((segment) => (
              <SegmentRow key={segment.id} segment={segment} canEdit={canEdit} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SegmentRow({ segment, canEdit }: { segment: SegmentSummary; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const recompute = useMutation(
    trpc.segments.recompute.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() }) }),
  );
  return (
    <tr>
      <td>
        <a className="strong" href={hrefFor({ page: 'segment', id: segment.id })}>
          {segment.name}
        </a>
        <div className="muted small">
          <code>{segment.id}</code>
          {segment.description && <> · {segment.description}</>}
        </div>
      </td>
      <td className="num">{segment.size === null ? <span className="muted">—</span> : formatCount(segment.size)}</td>
      <td className="nowrap">{segment.computedAt ? formatDateTime(segment.computedAt) : <span className="muted">not yet</span>}</td>
      <td className="nowrap">
        <span className="audience-row-actions">
          <a href={hrefFor({ page: 'contacts', filters: { segment: segment.id } })}>View contacts</a>
          {canEdit && (
            <button type="button" className="button button--small" disabled={recompute.isPending} onClick={() => recompute.mutate({ id: segment.id })}>
              {recompute.isPending ? 'Recomputing…' : 'Recompute'}
            </button>
          )}
          {recompute.data && (
            <span className="muted small" role="status">
              {recompute.data.entered} entered, {recompute.data.exited} left
            </span>
          )}
          {recompute.error && <span className="error-text">{readableMessage(recompute.error)}</span>}
        </span>
      </td>
    </tr>
  );
}
