import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '../routing/route';
import { trpc, type JourneySummary } from '../trpc';
import { CodeBlock } from '../ui/code-block';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { JourneyStatusBadge, LifecycleBadge } from './journey-badges';
import { SendEventHint } from './send-event-hint';

export function JourneysPage() {
  const journeys = useQuery(trpc.journeys.list.queryOptions());
  return (
    <div className="page">
      <header className="page__header">
        <h1>Journeys</h1>
        <p className="muted">Published journeys and the version new contacts enter. Journeys are edited as files and published with the CLI.</p>
      </header>
      {journeys.isPending && <Loading what="journeys" />}
      {journeys.isError && <QueryError what="journeys" error={journeys.error} />}
      {journeys.data?.length === 0 && <NoJourneys />}
      {journeys.data && journeys.data.length > 0 && <JourneyTable journeys={journeys.data} />}
      <SendEventHint />
    </div>
  );
}

function NoJourneys() {
  return (
    <EmptyState title="No journeys yet">
      <p>Publish the example welcome series from the repository root:</p>
      <CodeBlock>npx tend publish examples/journeys/welcome.json</CodeBlock>
      <p className="muted">It appears here as soon as it is published; new contacts enter its live version.</p>
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
          <th className="num">Nodes</th>
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
            <td className="num">{journey.liveVersion === null ? '—' : `v${journey.liveVersion}`}</td>
            <td className="num">{journey.nodeCount}</td>
            <td className="nowrap">{formatDateTime(journey.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
