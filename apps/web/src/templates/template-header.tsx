import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { saveStateText } from '../editor/page/use-draft-saver';
import { navigate } from '../routing/use-route';
import { readableMessage } from '../session/api-errors';
import { trpc } from '../trpc';
import { Badge } from '../ui/badge';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { draftStatusText, type DraftStatus } from './draft-state';
import { kindNames } from './template-list';
import type { SaveState } from './template-saver';
import type { TemplateDetail } from './template-types';

/** What the last Publish came to, in words for the header. */
export type PublishOutcome = { kind: 'published'; version: number; unchanged: boolean } | { kind: 'refused'; count: number } | { kind: 'failed'; message: string };

/**
 * The item's title, live version, where the draft stands against it, the save state, Publish
 * and Archive. Analysts see no controls, and why.
 */
export function TemplateHeader({
  item,
  name,
  status,
  saveState,
  readOnlyHint,
  publishing,
  outcome,
  onPublish,
}: {
  item: TemplateDetail;
  name: string;
  status: DraftStatus | null;
  saveState: SaveState;
  readOnlyHint: string | null;
  publishing: boolean;
  outcome: PublishOutcome | null;
  onPublish: () => void;
}) {
  return (
    <header className="page__header editor-header template-header">
      <div className="editor-header__row">
        <h1>{name.trim() || item.name}</h1>
        <Badge tone="info">{kindNames[item.kind].one}</Badge>
        <code className="muted">{item.id}</code>
        <span className="muted">{item.liveVersion === null ? 'Not published yet' : `live version v${item.liveVersion}`}</span>
        {readOnlyHint === null && (
          <span className="editor-header__save" role="status">
            {saveStateText(saveState)}
          </span>
        )}
        {readOnlyHint && <span className="muted small">Read only. {readOnlyHint}</span>}
        <div className="editor-header__actions">
          {readOnlyHint === null && <ArchiveButton item={item} />}
          {readOnlyHint === null && (
            <button type="button" className="button button--primary" disabled={publishing || saveState.kind === 'conflict'} onClick={onPublish}>
              {publishing ? 'Publishing…' : 'Publish'}
            </button>
          )}
        </div>
      </div>
      <div className="editor-header__row">
        {status && <span className={status === 'unpublished-changes' ? 'template-status template-status--changed' : 'template-status muted'}>{draftStatusText[status]}</span>}
        {outcome && <OutcomeText outcome={outcome} />}
      </div>
    </header>
  );
}

function OutcomeText({ outcome }: { outcome: PublishOutcome }) {
  switch (outcome.kind) {
    case 'published':
      return (
        <span className="ok-text small" role="status">
          {outcome.unchanged ? `Nothing new to publish: version ${outcome.version} is already this draft.` : `Published version ${outcome.version}: sends use it from now on.`}
        </span>
      );
    case 'refused':
      return (
        <span className="error-text small" role="alert">
          Not published: {outcome.count === 1 ? '1 problem' : `${outcome.count} problems`} to fix, listed under the body.
        </span>
      );
    case 'failed':
      return (
        <span className="error-text small" role="alert">
          Not published: {outcome.message}
        </span>
      );
  }
}

/** Takes the item out of use, after asking; the server refuses while a live journey or template uses it, and says which. */
function ArchiveButton({ item }: { item: TemplateDetail }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const archive = useMutation(
    trpc.templates.archive.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
        navigate({ page: 'templates' });
      },
    }),
  );
  const noun = kindNames[item.kind].one;
  return (
    <>
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Archive…
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Archive the ${noun} "${item.id}"?`}
        confirmLabel="Archive"
        busy={archive.isPending}
        onCancel={() => {
          setConfirming(false);
          archive.reset();
        }}
        onConfirm={() => archive.mutate({ id: item.id })}
      >
        <p>No journey can send it once archived. Its versions are kept, and publishing it again brings it back.</p>
        {archive.error && <p className="error-text">{readableMessage(archive.error)}</p>}
      </ConfirmDialog>
    </>
  );
}
