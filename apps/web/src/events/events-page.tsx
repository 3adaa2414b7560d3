import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SendEventHint } from '../journeys/send-event-hint';
import { trpc } from '../trpc';
import { EmptyState } from '../ui/empty-state';
import { Loading, QueryError } from '../ui/query-status';
import { CallRow } from './call-row';
import { callKey, countsSummary, debuggerLimit, debuggerPollMs, filterCalls, type KindFilter } from './event-log';

/** The counts scan a day of calls, so they refresh less often than the list. */
const countsPollMs = 10_000;
const kinds: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
];

/**
 * The live event debugger: the workspace's latest calls to /v1, accepted or refused, newest
 * first, refreshed every 2 s until paused. Filters apply to what has been fetched.
 */
export function EventsPage() {
  const [paused, setPaused] = useState(false);
  const [kind, setKind] = useState<KindFilter>('all');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  // Paused means frozen: no interval, and no refetch when the window regains focus either.
  const live = { refetchOnWindowFocus: !paused } as const;
  const recent = useQuery(trpc.events.recent.queryOptions({ limit: debuggerLimit }, { ...live, refetchInterval: paused ? false : debuggerPollMs }));
  const counts = useQuery(trpc.events.counts.queryOptions(undefined, { ...live, refetchInterval: paused ? false : countsPollMs }));
  const calls = recent.data ?? [];
  const shown = filterCalls(calls, { kind, text });
  // Ages are counted from the last refresh, so a paused list reads as it did when it stopped.
  const now = recent.dataUpdatedAt;
  const toggle = (key: string) =>
    setOpen((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <div className="page page--wide">
      <header className="page__header">
        <div className="page__header--row">
          <h1>Events</h1>
          <button type="button" className="button button--small" aria-pressed={paused} onClick={() => setPaused((value) => !value)}>
            Pause
          </button>
          <span className="muted small" role="status">
            {paused ? 'Paused: press again to go on' : recent.isFetching ? 'Refreshing…' : 'Live'}
          </span>
        </div>
        <p className="muted">
          The latest {debuggerLimit} calls to the ingestion API, accepted or rejected, newest first.
          {counts.data && <> {countsSummary(counts.data)}.</>}
        </p>
      </header>
      <div className="event-filters">
        <div className="segmented" role="group" aria-label="Show">
          {kinds.map((option) => (
            <button key={option.value} type="button" className="button button--small" aria-pressed={kind === option.value} onClick={() => setKind(option.value)}>
              {option.label}
            </button>
          ))}
        </div>
        <input
          className="input"
          type="search"
          aria-label="Filter by type, event name or user id"
          placeholder="Filter by type, event name or user id"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      {recent.isPending && <Loading what="events" />}
      {recent.isError && <QueryError what="events" error={recent.error} />}
      {recent.isSuccess && calls.length === 0 && (
        <>
          <EmptyState title="No events received yet">
            <p className="muted">Every identify, track, page, screen, group or alias call sent with this workspace&apos;s write key shows up here within seconds, and so does every call Tend refused, with why.</p>
          </EmptyState>
          <SendEventHint />
        </>
      )}
      {calls.length > 0 && shown.length === 0 && <p className="muted">None of the latest {calls.length} calls match this filter.</p>}
      {shown.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">Details</span>
              </th>
              <th>Received</th>
              <th>Result</th>
              <th>Call</th>
              <th>Sender</th>
              <th>Routing or reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((call) => (
              <CallRow key={callKey(call)} call={call} now={now} open={open.has(callKey(call))} onToggle={() => toggle(callKey(call))} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
