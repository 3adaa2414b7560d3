import { useQuery } from '@tanstack/react-query';
import { useCatalogue } from '../editor/catalogue';
import { trpc, type ContactJourney } from '../trpc';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { visitDetailText } from './visit-detail';
import { outcomeLabel } from './visit-outcome';

/**
 * Every step a contact took in one journey, oldest first, across all their runs and versions:
 * which node, what happened there, why (the case that matched, who moved them), and when.
 */
export function ContactTrail({ contactId, run, pollMs }: { contactId: string; run: ContactJourney; pollMs: number }) {
  const trail = useQuery(
    trpc.contacts.trail.queryOptions(
      { id: contactId, journeyId: run.journeyId },
      // An ended run's trail is final.
      { refetchInterval: run.status === 'active' ? pollMs : false },
    ),
  );
  // The live graph names each node's type, for words like "sent"; an older version's node may be missing.
  const journey = useQuery(trpc.journeys.get.queryOptions({ id: run.journeyId }, { retry: false, staleTime: 60_000 }));
  const typeOf = (nodeId: string) => journey.data?.graph?.nodes.find((node) => node.id === nodeId)?.type;
  const catalogue = useCatalogue().data;
  const titleOf = (type: string | undefined) => catalogue?.find((entry) => entry.type === type)?.title ?? type;

  return (
    <section className="section">
      <h2>Trail in {journey.data?.name ?? run.journeyId}</h2>
      {trail.isPending && <Loading what="the trail" />}
      {trail.isError && <QueryError what="the trail" error={trail.error} />}
      {trail.data?.length === 0 && (
        <EmptyState title="No steps recorded yet">
          <p>Each step is recorded as the contact completes it; this contact has not completed one here yet.</p>
        </EmptyState>
      )}
      {trail.data && trail.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Step</th>
              <th>What happened</th>
              <th>Why</th>
              <th className="num">Version</th>
            </tr>
          </thead>
          <tbody>
            {trail.data.map((visit) => (
              <tr key={visit.id}>
                <td className="nowrap">{formatDateTime(visit.at)}</td>
                <td>
                  <code>{visit.nodeId}</code>
                  {visit.visit > 1 && <span className="muted small"> visit {visit.visit}</span>}
                  {typeOf(visit.nodeId) && <div className="muted small">{titleOf(typeOf(visit.nodeId))}</div>}
                </td>
                <td>{outcomeLabel(typeOf(visit.nodeId), visit.outcome)}</td>
                <td className="small">{visitDetailText(visit.detail) ?? <span className="muted">—</span>}</td>
                <td className="num">v{visit.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
