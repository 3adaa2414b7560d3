import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { hrefFor } from '../routing/route';
import { roleAllows } from '../session/roles';
import { useSession } from '../session/session-context';
import { trpc, type JourneySummary } from '../trpc';
import { Badge } from '../ui/badge';
import { CodeBlock } from '../ui/code-block';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { JourneyStatusBadge, LifecycleBadge } from './journey-badges';
import { SendEventHint } from './send-event-hint';
import { conversionRate } from './trend-data';
import './journeys.css';

// The dialog brings the journey validator (for the id rule) and the templates: loaded when opened.
// The chart library is most of the list's weight: the table shows first, the trends a moment later.
const TrendChart = lazy(() => import('./trend-chart').then((module) => ({ default: module.TrendChart })));
const NewJourneyDialog = lazy(() => import('./new-journey-dialog').then((module) => ({ default: module.NewJourneyDialog })));

/** The list's counts move as contacts enter and convert; a minute is fresh enough for a trend. */
const listPollMs = 60_000;

export function JourneysPage() {
  const journeys = useQuery(trpc.journeys.list.queryOptions(undefined, { refetchInterval: listPollMs }));
  const canCreate = roleAllows(useSession().workspace.role, 'marketer');
  const [creating, setCreating] = useState(false);
  return (
    <div className="page page--wide">
      <header className="page__header journeys-header">
        <div>
          <h1>Journeys</h1>
          <p className="muted">Each journey's live version, and how many contacts entered and converted lately. Open one to edit its draft, watch it or see its versions.</p>
        </div>
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New journey
          </button>
        )}
      </header>
      {journeys.isPending && <Loading what="journeys" />}
      {journeys.isError && <QueryError what="journeys" error={journeys.error} />}
      {journeys.data?.length === 0 && <NoJourneys canCreate={canCreate} onCreate={() => setCreating(true)} />}
      {journeys.data && journeys.data.length > 0 && <JourneyTable journeys={journeys.data} />}
      <SendEventHint />
      {creating && (
        <Suspense fallback={<Loading what="the templates" />}>
          <NewJourneyDialog onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </div>
  );
}

function NoJourneys({ canCreate, onCreate }: { canCreate: boolean; onCreate: () => void }) {
  return (
    <EmptyState title="No journeys yet">
      {canCreate && (
        <p>
          <button type="button" className="button button--primary" onClick={onCreate}>
            Create your first journey
          </button>{' '}
          from a blank canvas or a lifecycle template, or publish the example welcome series from the repository root:
        </p>
      )}
      {!canCreate && <p>Publish the example welcome series from the repository root:</p>}
      <CodeBlock>npx tend publish examples/journeys/welcome.json</CodeBlock>
      <p className="muted">It appears here as soon as it is created; new contacts enter once it is published.</p>
    </EmptyState>
  );
}

function JourneyTable({ journeys }: { journeys: JourneySummary[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Journey</th>
          <th>Lifecycle</th>
          <th>Status</th>
          <th className="num">Live version</th>
          <th className="num">Entries 7d / 30d</th>
          <th className="num">Conversions 7d / 30d</th>
          <th>Last 30 days</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {journeys.map((journey) => (
          <tr key={journey.id}>
            <td>
              <a className="strong" href={hrefFor({ page: 'journey', id: journey.id })}>
                {journey.name}
              </a>
              {journey.description && <div className="muted small">{journey.description}</div>}
            </td>
            <td>
              <LifecycleBadge lifecycle={journey.lifecycle} />
            </td>
            <td>
              <JourneyStatusBadge status={journey.status} />
            </td>
            <td className="num">
              {journey.liveVersion === null ? <Badge tone="neutral">Draft</Badge> : `v${journey.liveVersion}`}
              {journey.liveVersion !== null && journey.hasDraft && (
                <div className="muted small" title="A saved draft differs from or follows the live version">
                  draft saved
                </div>
              )}
            </td>
            <td className="num">
              {journey.entries7d} / {journey.entries30d}
            </td>
            <td className="num">
              {journey.conversions7d} / {journey.conversions30d}
              {conversionRate(journey.entries30d, journey.conversions30d) && (
                <div className="muted small">{conversionRate(journey.entries30d, journey.conversions30d)} of entries</div>
              )}
            </td>
            <td>
              <Suspense fallback={null}>
                <TrendChart trend={journey.trend} entries30d={journey.entries30d} conversions30d={journey.conversions30d} />
              </Suspense>
            </td>
            <td className="nowrap">{formatDateTime(journey.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
