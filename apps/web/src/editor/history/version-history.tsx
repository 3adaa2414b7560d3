import { useQuery } from '@tanstack/react-query';
import type { JourneyGraphInput } from '@tend/journey/editor';
import { useMemo, useState } from 'react';
import { roleHint } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc, type JourneyVersion } from '../../trpc';
import { Badge } from '../../ui/badge';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime, shortHash } from '../../ui/format';
import { Loading, QueryError } from '../../ui/query-status';
import { CompareHighlightContext, highlightsOf } from './compare-highlight';
import { CompareWith, useComparison } from './compare-with';
import { VersionCanvas } from './version-canvas';
import { VersionList } from './version-list';
import './history.css';

/**
 * The History tab: every published version; one opened read-only on the canvas, compared with
 * another or the draft, and restored as the draft. Versions never change: restoring copies one
 * into the draft, and publishing that makes a new version.
 */
export function VersionHistory({ journeyId, selectedVersion, onRestore }: { journeyId: string; selectedVersion: number | null; onRestore: (graph: unknown) => void }) {
  const journey = useQuery(trpc.journeys.get.queryOptions({ id: journeyId }, { retry: false }));
  if (journey.isPending) return <Loading what="versions" />;
  if (journey.isError) return <QueryError what="versions" error={journey.error} />;
  const { versions, liveVersion } = journey.data;
  if (versions.length === 0) {
    return (
      <EmptyState title="Not published yet">
        <p>Each time this journey is published, its version appears here, to open, compare or restore.</p>
      </EmptyState>
    );
  }
  // Without a version in the address, the live one (else the newest) opens.
  const open = versions.find((version) => version.version === (selectedVersion ?? liveVersion)) ?? versions[0];
  return (
    <div className="version-history">
      <VersionList journeyId={journeyId} versions={versions} liveVersion={liveVersion} openVersion={open?.version ?? null} />
      <div className="version-history__open">
        {selectedVersion !== null && open?.version !== selectedVersion && (
          <p className="error-text" role="alert">
            There is no version {selectedVersion}; showing v{open?.version}.
          </p>
        )}
        {open && <VersionView key={open.version} journeyId={journeyId} version={open} live={open.version === liveVersion} versions={versions} onRestore={onRestore} />}
      </div>
    </div>
  );
}

function VersionView({
  journeyId,
  version,
  live,
  versions,
  onRestore,
}: {
  journeyId: string;
  version: JourneyVersion;
  live: boolean;
  versions: readonly JourneyVersion[];
  onRestore: (graph: unknown) => void;
}) {
  const cannotRestore = roleHint(useSession().workspace.role, 'marketer');
  const [confirming, setConfirming] = useState(false);
  // A version never changes once published.
  const loaded = useQuery(trpc.journeys.version.queryOptions({ id: journeyId, version: version.version }, { staleTime: Infinity }));
  const graph = loaded.data?.graph as JourneyGraphInput | undefined;

  return (
    <section className="version-view" aria-label={`Version ${version.version}`}>
      <header className="version-view__head">
        <h2>Version {version.version}</h2>
        {live && <Badge tone="good">live</Badge>}
        <code className="small" title={version.hash}>
          {shortHash(version.hash)}
        </code>
        <span className="muted small">published {formatDateTime(version.publishedAt)}</span>
        <span className="version-view__actions" title={cannotRestore ?? undefined}>
          <button type="button" className="button" disabled={!graph || cannotRestore !== null} onClick={() => setConfirming(true)}>
            Restore as draft…
          </button>
        </span>
      </header>
      {loaded.isPending && <Loading what={`version ${version.version}`} />}
      {loaded.isError && <QueryError what={`version ${version.version}`} error={loaded.error} />}
      {graph && <OpenVersion journeyId={journeyId} version={version.version} graph={graph} versions={versions} />}
      <ConfirmDialog
        open={confirming}
        title={`Restore version ${version.version} as the draft?`}
        confirmLabel="Replace the draft"
        onConfirm={() => {
          setConfirming(false);
          if (graph) onRestore(graph);
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The draft becomes a copy of version {version.version}; unpublished changes in the current draft are replaced. Nothing changes
          for contacts until you publish.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** The version's canvas with the comparison's nodes marked on it. */
function OpenVersion({ journeyId, version, graph, versions }: { journeyId: string; version: number; graph: JourneyGraphInput; versions: readonly JourneyVersion[] }) {
  const comparison = useComparison(journeyId, version, graph);
  const highlight = useMemo(() => (comparison.lines ? highlightsOf(comparison.lines) : null), [comparison.lines]);
  return (
    <>
      <CompareWith version={version} versions={versions} comparison={comparison} />
      <div className="version-view__canvas">
        <CompareHighlightContext value={highlight}>
          <VersionCanvas graph={graph} />
        </CompareHighlightContext>
      </div>
    </>
  );
}
