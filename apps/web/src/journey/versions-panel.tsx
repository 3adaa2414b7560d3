import type { JourneyVersion } from '../trpc';
import { Badge } from '../ui/badge';
import { formatDateTime, shortHash } from '../ui/format';

/** Every published version, newest first. Versions are append-only; the live one is marked. */
export function VersionsPanel({ versions, liveVersion }: { versions: JourneyVersion[]; liveVersion: number | null }) {
  return (
    <section>
      <h2>Versions</h2>
      {versions.length === 0 ? (
        <p className="muted">Not published yet.</p>
      ) : (
        <ol className="versions">
          {versions.map((version) => (
            <li key={version.version} className="versions__item">
              <div className="versions__head">
                <strong>v{version.version}</strong>
                {version.version === liveVersion && <Badge tone="good">live</Badge>}
                <code className="small" title={version.hash}>
                  {shortHash(version.hash)}
                </code>
              </div>
              <div className="muted small">{formatDateTime(version.publishedAt)}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
