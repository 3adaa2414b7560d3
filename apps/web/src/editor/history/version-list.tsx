import { hrefFor } from '../../routing/route';
import type { JourneyVersion } from '../../trpc';
import { Badge } from '../../ui/badge';
import { formatDateTime, shortHash } from '../../ui/format';
import { relativeTime } from './relative-time';

/** Every published version, newest first, each a link that opens it; the live one is marked. */
export function VersionList({
  journeyId,
  versions,
  liveVersion,
  openVersion,
}: {
  journeyId: string;
  versions: readonly JourneyVersion[];
  liveVersion: number | null;
  openVersion: number | null;
}) {
  return (
    <nav className="version-list" aria-label="Versions">
      <ol>
        {versions.map((version) => (
          <li key={version.version}>
            <a
              className="version-list__item"
              href={hrefFor({ page: 'journey', id: journeyId, tab: 'history', version: version.version })}
              aria-current={version.version === openVersion ? 'page' : undefined}
            >
              <span className="version-list__head">
                <strong>v{version.version}</strong>
                {version.version === liveVersion && <Badge tone="good">live</Badge>}
                <code className="small" title={version.hash}>
                  {shortHash(version.hash)}
                </code>
              </span>
              <span className="muted small" title={formatDateTime(version.publishedAt)}>
                {relativeTime(version.publishedAt)} · {formatDateTime(version.publishedAt)}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
