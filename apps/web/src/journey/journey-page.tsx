import { useQuery } from '@tanstack/react-query';
import { JourneyStatusBadge, LifecycleBadge } from '../journeys/journey-badges';
import { hrefFor } from '../routing/route';
import { trpc, type JourneyDetail } from '../trpc';
import { EmptyState } from '../ui/empty-state';
import { Loading, QueryError } from '../ui/query-status';
import { JourneyCanvas } from './journey-canvas';
import { useCatalogue } from './use-catalogue';
import { VersionsPanel } from './versions-panel';

export function JourneyPage({ id }: { id: string }) {
  const journey = useQuery(trpc.journeys.get.queryOptions({ id }, { retry: false }));
  // Handles come from the catalogue's declared outputs, so the canvas waits for it to settle.
  const catalogue = useCatalogue();

  return (
    <div className="page page--wide">
      <a className="back-link" href={hrefFor({ page: 'journeys' })}>
        ← Journeys
      </a>
      {journey.isPending && <Loading what="the journey" />}
      {journey.isError && <QueryError what={`journey "${id}"`} error={journey.error} />}
      {journey.data && (
        <>
          <JourneyHeader journey={journey.data} />
          <div className="journey">
            {journey.data.graph === null ? (
              <EmptyState title="No live version">
                <p>This journey has no live version to draw. Publish one with the CLI.</p>
              </EmptyState>
            ) : catalogue.isPending ? (
              <Loading what="the node catalogue" />
            ) : (
              <JourneyCanvas key={journey.data.liveVersion} graph={journey.data.graph} />
            )}
            <aside className="journey__side">
              <JourneyFacts journey={journey.data} />
              <VersionsPanel versions={journey.data.versions} liveVersion={journey.data.liveVersion} />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}

function JourneyHeader({ journey }: { journey: JourneyDetail }) {
  return (
    <header className="page__header page__header--row">
      <h1>{journey.name}</h1>
      <JourneyStatusBadge status={journey.status} />
      {journey.liveVersion !== null && <span className="muted">live version v{journey.liveVersion}</span>}
    </header>
  );
}

const reentryText = {
  'once-ever': 'A contact enters at most once, ever.',
  'once-at-a-time': 'A contact can enter again after their previous run ends.',
} as const;

function JourneyFacts({ journey }: { journey: JourneyDetail }) {
  const graph = journey.graph;
  if (!graph) return null;
  const reentry = graph.settings?.reentry ?? 'once-at-a-time';
  return (
    <section>
      <h2>About</h2>
      {graph.description && <p>{graph.description}</p>}
      <dl className="facts">
        <dt>Id</dt>
        <dd>
          <code>{journey.id}</code>
        </dd>
        <dt>Lifecycle</dt>
        <dd>
          <LifecycleBadge lifecycle={graph.lifecycle ?? null} />
        </dd>
        <dt>Re-entry</dt>
        <dd>{reentryText[reentry]}</dd>
      </dl>
    </section>
  );
}
