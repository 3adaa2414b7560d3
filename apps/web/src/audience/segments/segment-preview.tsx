import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '../../editor/inspector/preview/use-debounced';
import type { JsonObject } from '../../editor/inspector/inspector-types';
import { hrefFor } from '../../routing/route';
import { apiErrorCode } from '../../session/api-errors';
import { trpc } from '../../trpc';
import { formatCount } from '../audience-format';
import { contactLabel } from '../../contacts/contact-filters';
import { parseSegmentProblems, type SegmentProblem } from './segment-problems';

/** How long the definition must rest before it is counted: one count per pause in typing, not per key. */
const previewDelayMs = 400;

/**
 * The live count and sample of a definition being edited (segments.preview: nothing is stored).
 * A definition the server refuses comes back as problems with their paths, for the rows.
 */
export function useSegmentPreview(definition: JsonObject | undefined) {
  const settled = useDebounced(definition, previewDelayMs);
  const preview = useQuery(
    trpc.segments.preview.queryOptions({ definition: settled }, { enabled: settled !== undefined, placeholderData: keepPreviousData, retry: false }),
  );
  const refused = preview.isError && apiErrorCode(preview.error) === 'BAD_REQUEST';
  const problems: SegmentProblem[] = refused ? parseSegmentProblems(preview.error.message) : [];
  // Typing ahead of the debounce: the count shown is for the definition as it was a moment ago.
  const settling = settled !== definition || preview.isFetching;
  return { preview, problems, refused, settling, empty: definition === undefined };
}

export function SegmentPreviewPanel({ state }: { state: ReturnType<typeof useSegmentPreview> }) {
  const { preview, problems, refused, settling, empty } = state;
  return (
    <aside className="panel segment-preview" aria-label="Who matches">
      <h2>Who matches</h2>
      {empty ? (
        <p className="muted">Add a condition to see who matches.</p>
      ) : refused ? (
        <div className="query-error" role="alert">
          <strong>This definition cannot be counted.</strong>
          <ul className="segment-preview__problems">
            {problems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>{problem.path ? `${problem.path}: ${problem.message}` : problem.message}</li>
            ))}
          </ul>
        </div>
      ) : preview.isError ? (
        <div className="query-error" role="alert">
          <strong>Could not count.</strong> {preview.error.message}
        </div>
      ) : preview.data === undefined ? (
        <p className="muted">Counting…</p>
      ) : (
        <>
          <p className="segment-preview__count" role="status" aria-live="polite">
            <strong>{formatCount(preview.data.count)}</strong> {preview.data.count === 1 ? 'contact matches' : 'contacts match'}
            {settling && <span className="muted small"> · counting…</span>}
          </p>
          {preview.data.sample.length > 0 && (
            <>
              <h3 className="muted small">{preview.data.count > preview.data.sample.length ? `The first ${preview.data.sample.length}` : 'All of them'}</h3>
              <ul className="plain-list segment-preview__sample">
                {preview.data.sample.map((contact) => (
                  <li key={contact.id}>
                    <a href={hrefFor({ page: 'contact', id: contact.id, journeyId: null })}>{contactLabel(contact)}</a>
                    {contact.email && contact.email !== contactLabel(contact) && <span className="muted small"> {contact.email}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </aside>
  );
}
