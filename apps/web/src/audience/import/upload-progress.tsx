import { formatCount } from '../audience-format';
import { formatBytes, formatEta, progressView } from './import-progress';
import type { UploadState } from './use-upload';

/** The bar: how much of the file is done, rows read, the rate and about how long is left. */
export function UploadProgress({ state, totalBytes, recordedRows, now, onStop }: { state: Extract<UploadState, { status: 'running' }>; totalBytes: number; recordedRows: number | null; now: number; onStop: () => void }) {
  const view = progressView({ startedAt: state.startedAt, now: Math.max(now, state.startedAt), totalBytes, sentBytes: state.sentBytes, server: state.server, recordedRows });
  const percent = Math.floor(view.fraction * 100);
  const eta = formatEta(view.etaSeconds);
  return (
    <section className="upload-progress" aria-label="Import progress">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Imported">
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small" role="status">
        {percent}% · {formatBytes(view.fraction * totalBytes)} of {formatBytes(totalBytes)}
        {view.rows !== null && ` · ${formatCount(view.rows)} rows`}
        {view.rowsPerSecond !== null && view.rowsPerSecond > 0 ? ` · ${formatCount(Math.round(view.rowsPerSecond))} rows/s` : view.bytesPerSecond > 0 ? ` · ${formatBytes(view.bytesPerSecond)}/s` : ''}
        {view.finishing ? ' · committing the last rows…' : eta ? ` · ${eta} left` : ''}
      </p>
      <button type="button" className="button button--small" onClick={onStop}>
        Stop
      </button>
    </section>
  );
}
