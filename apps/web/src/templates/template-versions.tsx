import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { trpc } from '../trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDateTime } from '../ui/format';
import type { TemplateDetail } from './template-types';

/**
 * The published versions, newest first: one opens read-only, and can be put back into the draft
 * (sends change only once that draft is published again).
 */
export function TemplateVersions({
  item,
  canRestore,
  beforeRestore,
  onRestored,
}: {
  item: TemplateDetail;
  canRestore: boolean;
  /** Saves what is typed first; false stops the restore (the draft could not be saved). */
  beforeRestore: () => Promise<boolean>;
  onRestored: (version: number) => Promise<void>;
}) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="panel template-versions" aria-label="Versions">
      <h2>Versions</h2>
      {item.versions.length === 0 ? (
        <p className="muted">None yet: publish the draft to make version 1, the one journeys send.</p>
      ) : (
        <ul className="template-versions__list">
          {item.versions.map((version) => (
            <li key={version.version}>
              <button type="button" className="button button--small" aria-pressed={open === version.version} onClick={() => setOpen(open === version.version ? null : version.version)}>
                v{version.version}
                {version.version === item.liveVersion ? ' live' : ''}
              </button>
              <span className="muted small">
                {formatDateTime(version.publishedAt)}
                {version.publishedBy ? ` by ${version.publishedBy}` : ' with an API token'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open !== null && <VersionView key={open} id={item.id} version={open} canRestore={canRestore} beforeRestore={beforeRestore} onRestored={onRestored} />}
    </section>
  );
}

function VersionView({
  id,
  version,
  canRestore,
  beforeRestore,
  onRestored,
}: {
  id: string;
  version: number;
  canRestore: boolean;
  beforeRestore: () => Promise<boolean>;
  onRestored: (version: number) => Promise<void>;
}) {
  // Versions never change once published.
  const shown = useQuery(trpc.templates.version.queryOptions({ id, version }, { staleTime: Infinity }));
  const [confirming, setConfirming] = useState(false);
  const restore = useMutation(
    trpc.templates.restore.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await onRestored(version);
      },
    }),
  );
  const [saveFailed, setSaveFailed] = useState(false);
  const content = shown.data?.content;
  return (
    <div className="template-version" role="region" aria-label={`Version ${version}`}>
      {shown.isPending && <p className="muted">Loading version {version}…</p>}
      {shown.error && <p className="error-text">{readableMessage(shown.error)}</p>}
      {content && (
        <>
          <dl className="facts">
            {content.subject !== undefined && (
              <>
                <dt>Subject</dt>
                <dd>{content.subject}</dd>
              </>
            )}
            {content.preheader && (
              <>
                <dt>Preheader</dt>
                <dd>{content.preheader}</dd>
              </>
            )}
            <dt>Format</dt>
            <dd>{content.format.toUpperCase()}</dd>
          </dl>
          <pre className="code-block template-version__body" aria-label={`Body of version ${version}`}>
            {content.body}
          </pre>
          {content.text && (
            <pre className="code-block template-version__body" aria-label={`Text part of version ${version}`}>
              {content.text}
            </pre>
          )}
          {canRestore && (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Restore into the draft…
            </button>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Restore version ${version} into the draft?`}
        confirmLabel="Replace the draft"
        busy={restore.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setSaveFailed(false);
          void beforeRestore().then((saved) => (saved ? restore.mutate({ id, version }) : setSaveFailed(true)));
        }}
      >
        <p>The draft becomes version {version} as it was published. Journeys keep sending the live version until you publish.</p>
        {saveFailed && <p className="error-text">The draft could not be saved first: see the save state above.</p>}
        {restore.error && <p className="error-text">{readableMessage(restore.error)}</p>}
      </ConfirmDialog>
    </div>
  );
}
