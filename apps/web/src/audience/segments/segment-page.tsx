import { useQuery } from '@tanstack/react-query';
import type { JsonObject } from '../../editor/inspector/inspector-types';
import { hrefFor } from '../../routing/route';
import { trpc } from '../../trpc';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime } from '../../ui/format';
import { Loading, QueryError } from '../../ui/query-status';
import { formatCount } from '../audience-format';
import { SegmentEditor } from './segment-editor';
import { AudienceNav } from '../audience-nav';
import '../audience.css';

const blank = { id: null, name: '', description: '', definition: undefined };

/** A new segment's builder, or a saved one's (`id`), with its size and when it was last computed. */
export function SegmentPage({ id }: { id: string | null }) {
  const back = (
    <a className="back-link" href={hrefFor({ page: 'segments' })}>
      ← All segments
    </a>
  );
  return (
    <div className="page page--wide">
      <AudienceNav current="segment" />
      {back}
      {id === null ? (
        <>
          <header className="page__header">
            <h1>New segment</h1>
            <p className="muted">Describe who belongs in it; the count on the right follows as you edit.</p>
          </header>
          <SegmentEditor initial={blank} />
        </>
      ) : (
        <SavedSegment id={id} />
      )}
    </div>
  );
}

function SavedSegment({ id }: { id: string }) {
  const segment = useQuery(trpc.segments.get.queryOptions({ id }, { retry: false }));
  if (segment.isPending) return <Loading what={`segment "${id}"`} />;
  if (segment.isError) {
    return segment.error.data?.code === 'NOT_FOUND' ? (
      <EmptyState title={`No segment "${id}"`}>
        <p>
          It may have been deleted. See <a href={hrefFor({ page: 'segments' })}>all segments</a>.
        </p>
      </EmptyState>
    ) : (
      <QueryError what={`segment "${id}"`} error={segment.error} />
    );
  }
  const saved = segment.data;
  return (
    <>
      <header className="page__header">
        <h1>{saved.name}</h1>
        <p className="muted">
          {saved.size === null ? 'Not computed yet.' : `${formatCount(saved.size)} ${saved.size === 1 ? 'contact' : 'contacts'}`}
          {saved.computedAt && ` when last computed, ${formatDateTime(saved.computedAt)}; kept up to date as events arrive.`}
        </p>
      </header>
      <SegmentEditor
        initial={{ id: saved.id, name: saved.name, description: saved.description, definition: saved.definition as unknown as JsonObject }}
      />
    </>
  );
}
