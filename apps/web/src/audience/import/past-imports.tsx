import type { UseQueryResult } from '@tanstack/react-query';
import { Badge, type BadgeTone } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';
import { Loading, QueryError } from '../../ui/query-status';
import { formatCount } from '../audience-format';
import type { ImportRun } from '../audience-types';
import { summaryFigures } from './import-figures';

const statusTones: Record<string, BadgeTone> = { running: 'info', done: 'good', failed: 'bad' };
const kindLabels: Record<string, string> = { 'online-retail': 'Online Retail log', contacts: 'Contacts CSV' };

/** The workspace's imports, latest first: how far each got, and what it found. */
export function PastImports({ imports }: { imports: UseQueryResult<ImportRun[], { message: string }> }) {
  return (
    <section className="section" aria-labelledby="past-imports-heading">
      <h2 id="past-imports-heading">Imports so far</h2>
      {imports.isPending && <Loading what="the imports" />}
      {imports.isError && <QueryError what="the imports" error={imports.error} />}
      {imports.data?.length === 0 && <p className="muted">None yet.</p>}
      {imports.data && imports.data.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>File</th>
              <th>Status</th>
              <th className="num">Lines done</th>
              <th>Figures</th>
              <th>Started</th>
              <th>Finished</th>
            </tr>
          </thead>
          <tbody>
            {imports.data.map((run) => (
              <tr key={run.id}>
                <td>
                  <span className="strong">{run.source}</span>
                  <div className="muted small">{kindLabels[run.kind] ?? run.kind}</div>
                </td>
                <td>
                  <Badge tone={statusTones[run.status] ?? 'neutral'}>{run.status}</Badge>
                  {run.error && <div className="error-text">{run.error}</div>}
                </td>
                <td className="num">{formatCount(run.linesDone)}</td>
                <td className="small">
                  {summaryFigures(run.totals)
                    .slice(0, 4)
                    .map((figure) => `${figure.label}: ${formatCount(figure.value)}`)
                    .join(' · ') || <span className="muted">—</span>}
                </td>
                <td className="nowrap">{formatDateTime(run.startedAt)}</td>
                <td className="nowrap">{formatDateTime(run.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
