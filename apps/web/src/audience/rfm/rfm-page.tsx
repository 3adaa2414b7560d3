import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { trpc } from '../../trpc';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime } from '../../ui/format';
import { Loading, QueryError } from '../../ui/query-status';
import { formatAmount, formatCount } from '../audience-format';
import { GroupActions } from './group-actions';
import type { HeatCell } from './heatmap-scale';
import { RfmGroupTable } from './rfm-group-table';
import { RfmHeatmap } from './rfm-heatmap';
import { RfmRecompute } from './rfm-recompute';
import { RfmSettingsForm } from './rfm-settings-form';
import { AudienceNav } from '../audience-nav';
import '../audience.css';

// The chart library is most of this page's weight: the grid and the table show first.
const RfmCharts = lazy(() => import('./rfm-charts').then((module) => ({ default: module.RfmCharts })));

/** While a recompute goes on past the server's wait, its figures are looked for this often. */
const unfinishedPollMs = 5_000;

/**
 * RFM: the R×F heatmap, each group's size and share of revenue, the settings, and "Recompute
 * now". From a cell or a group: its contacts, or a new journey for it.
 */
export function RfmPage() {
  // The computation shown when a recompute outlasted the server's wait: polled until a newer one shows.
  const [waitingPast, setWaitingPast] = useState<string | null | undefined>(undefined);
  const [cell, setCell] = useState<HeatCell | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const overview = useQuery(
    trpc.rfm.summary.queryOptions(undefined, {
      refetchInterval: (query) => (waitingPast !== undefined && (query.state.data?.summary.computedAt ?? null) === waitingPast ? unfinishedPollMs : false),
    }),
  );
  const computedAt = overview.data?.summary.computedAt ?? null;
  const chooseCell = (next: HeatCell) => {
    setCell(next);
    setGroup(next.group);
  };
  const chooseGroup = (next: string) => {
    setGroup(next);
    setCell(null);
  };

  return (
    <div className="page page--wide">
      <AudienceNav current="rfm" />
      <header className="page__header page__header--row audience-header">
        <div>
          <h1>RFM</h1>
          <p className="muted">
            Customers scored 1–5 on recency (R), frequency (F) and money spent (M) by quintiles over the window, and named by their R and F.
            {computedAt && ` Computed ${formatDateTime(computedAt)}; recomputed hourly.`}
          </p>
        </div>
        <RfmRecompute onUnfinished={() => setWaitingPast(computedAt)} />
      </header>
      {overview.isPending && <Loading what="RFM" />}
      {overview.isError && <QueryError what="RFM" error={overview.error} />}
      {overview.data && (
        <>
          {overview.data.summary.contacts === 0 ? (
            <EmptyState title={computedAt ? 'No one scored' : 'RFM has not been computed yet'}>
              <p className="muted">
                RFM scores contacts with at least one &ldquo;{overview.data.settings.event}&rdquo; in the last {overview.data.settings.windowDays} days.
                Import an order history or send purchase events, then recompute.
              </p>
            </EmptyState>
          ) : (
            <>
              <p className="muted">
                {formatCount(overview.data.summary.contacts)} contacts scored, {formatAmount(overview.data.summary.revenue)} spent in the window.
              </p>
              <div className="rfm-layout">
                <section className="panel" aria-labelledby="heatmap-heading">
                  <h2 id="heatmap-heading">Recency × frequency</h2>
                  <RfmHeatmap grid={overview.data.summary.grid} selected={cell} onSelect={chooseCell} />
                  <p className="muted small">Colour: number of contacts. Hover a cell for its money spent and group; choose it for its contacts.</p>
                </section>
                <section className="panel rfm-selection" aria-label="Chosen group">
                  {group ? (
                    <>
                      <h2>{group}</h2>
                      <p className="muted">{overview.data.groups.find((known) => known.name === group)?.description}</p>
                      {cell && (
                        <p>
                          Cell R {cell.r} · F {cell.f}: {formatCount(cell.contacts)} {cell.contacts === 1 ? 'contact' : 'contacts'}, {formatAmount(cell.monetary)} spent.
                        </p>
                      )}
                      <GroupActions group={group} />
                    </>
                  ) : (
                    <p className="muted">Choose a cell or a group to see its contacts or start a journey for it.</p>
                  )}
                </section>
              </div>
              <Suspense fallback={<Loading what="the charts" />}>
                <RfmCharts groups={overview.data.summary.groups} selected={group} onSelect={chooseGroup} />
              </Suspense>
              <RfmGroupTable groups={overview.data.summary.groups} info={overview.data.groups} selected={group} onSelect={chooseGroup} />
            </>
          )}
          <RfmSettingsForm settings={overview.data.settings} />
        </>
      )}
    </div>
  );
}
