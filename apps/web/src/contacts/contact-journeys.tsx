import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '../routing/route';
import { trpc, type ContactJourney } from '../trpc';
import { Badge, type BadgeTone } from '../ui/badge';
import { formatDateTime, formatShortDateTime } from '../ui/format';
import { describeRun } from './run-position';

const statusTones: Record<ContactJourney['status'], BadgeTone> = {
  active: 'good',
  completed: 'neutral',
  exited: 'warn',
  stopped: 'bad',
};

/**
 * The journeys a contact is in or was in, newest entry first, with where each run stands.
 * Choosing one opens its trail below.
 */
export function ContactJourneys({
  routeId,
  runs,
  selectedJourneyId,
}: {
  routeId: string;
  runs: ContactJourney[];
  selectedJourneyId: string | null;
}) {
  // Names only; a journey missing from the list (deleted) shows its id.
  const journeys = useQuery(trpc.journeys.list.queryOptions(undefined, { staleTime: 60_000 }));
  const nameOf = (journeyId: string) => journeys.data?.find((journey) => journey.id === journeyId)?.name ?? journeyId;

  return (
    <section className="section">
      <h2>Journeys</h2>
      {runs.length === 0 ? (
        <p className="muted panel">
          Not in any journey yet. A contact enters a journey when its trigger fires for them: an identify call, a track
          event, a segment, a date or a schedule.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Journey</th>
              <th>Status</th>
              <th>Where they are</th>
              <th>Entered</th>
              <th>Ended</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const selected = run.journeyId === selectedJourneyId;
              return (
                <tr key={run.journeyId} className={selected ? 'table__row--selected' : undefined}>
                  <td>
                    <a className="strong" href={hrefFor({ page: 'journey', id: run.journeyId })}>
                      {nameOf(run.journeyId)}
                    </a>
                    <div className="muted small">v{run.position?.version ?? run.version}</div>
                  </td>
                  <td>
                    <Badge tone={statusTones[run.status]}>{run.status}</Badge>
                  </td>
                  <td>{describeRun(run, formatShortDateTime)}</td>
                  <td className="nowrap">{formatDateTime(run.enteredAt)}</td>
                  <td className="nowrap">{run.endedAt ? formatDateTime(run.endedAt) : <span className="muted">—</span>}</td>
                  <td className="nowrap">
                    {selected ? (
                      <a href={hrefFor({ page: 'contact', id: routeId, journeyId: null })}>Hide trail</a>
                    ) : (
                      <a href={hrefFor({ page: 'contact', id: routeId, journeyId: run.journeyId })}>Show trail</a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
