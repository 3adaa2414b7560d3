import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { JourneyStatusBadge, LifecycleBadge } from '../journeys/journey-badges';
import { hrefFor } from '../routing/route';
import { trpc, type JourneyDetail, type JourneyStats } from '../trpc';
import { EmptyState } from '../ui/empty-state';
import { plural } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { JourneyCanvas } from './journey-canvas';
import { JourneyControls } from './journey-controls';
import { journeySettingsFacts } from './journey-settings';
import { useCatalogue } from './use-catalogue';
import { VersionsPanel } from './versions-panel';

/** Live counts change as contacts move, so the page polls them this often. */
const statsPollMs = 3_000;

export function JourneyPage({ id }: { id: string }) {
  const journey = useQuery(trpc.journeys.get.queryOptions({ id }, { retry: false }));
  const stats = useQuery(trpc.journeys.stats.queryOptions({ id }, { refetchInterval: statsPollMs, enabled: journey.isSuccess }));
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
          <JourneyHeader journey={journey.data} stats={stats.data} />
          {stats.isError && <QueryError what="live counts" error={stats.error} />}
          <div className="journey">
            {journey.data.graph === null ? (
              <EmptyState title="No live version">
                <p>This journey has no live version to draw. Publish one with the CLI.</p>
              </EmptyState>
            ) : catalogue.isPending ? (
              <Loading what="the node catalogue" />
            ) : (
              <JourneyCanvas key={journey.data.liveVersion} graph={journey.data.graph} visits={stats.data?.visits} />
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

function JourneyHeader({ journey, stats }: { journey: JourneyDetail; stats: JourneyStats | undefined }) {
  return (
    <header className="page__header journey-header">
      <div className="page__header--row">
        <h1>{journey.name}</h1>
        <JourneyStatusBadge status={journey.status} />
        {journey.liveVersion !== null && <span className="muted">live version v{journey.liveVersion}</span>}
        <span className="journey-header__active" title={`Counts refresh every ${statsPollMs / 1000} seconds`}>
          {stats ? `${plural(stats.active, 'contact')} in the journey now` : 'Counting contacts…'}
        </span>
      </div>
      <JourneyControls journey={journey} active={stats?.active} />
    </header>
  );
}

function JourneyFacts({ journey }: { journey: JourneyDetail }) {
  const graph = journey.graph;
  if (!graph) return null;
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
        {journeySettingsFacts(graph.settings).map(({ term, detail }) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
