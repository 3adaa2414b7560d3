import '../editor/inspector/inspector.css';
import '../editor/page/editor-page.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { hrefFor } from '../routing/route';
import { readableMessage } from '../session/api-errors';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { trpc } from '../trpc';
import { Loading, QueryError } from '../ui/query-status';
import { draftStatus, type EditedItem } from './draft-state';
import { TemplateFields } from './template-fields';
import { TemplateHeader, type PublishOutcome } from './template-header';
import { TemplatePreview } from './template-preview';
import type { TemplateDetail, TemplateProblem } from './template-types';
import { TemplateVersions } from './template-versions';
import { useTemplateSaver } from './use-template-saver';
import './templates.css';

/**
 * One library item's editor: the draft (autosaved, its problems shown where they are), a live
 * preview with a sample contact, a test send, Publish, and the published versions.
 */
export function TemplatePage({ id }: { id: string }) {
  // The editor owns the draft once open; later reads only refresh versions and the live version.
  const item = useQuery(trpc.templates.get.queryOptions({ id }, { retry: false, refetchOnWindowFocus: false }));
  return (
    <div className="page page--wide template-page">
      <a className="back-link" href={hrefFor({ page: 'templates' })}>
        ← Templates
      </a>
      {item.isPending && <Loading what={`the template "${id}"`} />}
      {item.isError && <QueryError what={`the template "${id}"`} error={item.error} />}
      {item.data && <TemplateEditor item={item.data} />}
    </div>
  );
}

function TemplateEditor({ item }: { item: TemplateDetail }) {
  const queryClient = useQueryClient();
  const readOnlyHint = roleHint(useSession().workspace.role, 'marketer');
  const [value, setValue] = useState<EditedItem>(() => ({ name: item.name, draft: item.draft }));
  const [problems, setProblems] = useState<TemplateProblem[]>(item.problems);
  const saving = useTemplateSaver(item, setProblems);
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  const publish = useMutation(trpc.templates.publish.mutationOptions());
  const live = useQuery(trpc.templates.version.queryOptions({ id: item.id, version: item.liveVersion ?? 0 }, { enabled: item.liveVersion !== null, staleTime: Infinity }));
  const status = draftStatus(value.draft, item.liveVersion === null ? null : live.data?.content, item.kind);

  const change = (next: EditedItem) => {
    setValue(next);
    setOutcome(null);
    saving.saver.edit(next);
  };
  const refreshItem = () => queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
  const takeServerDraft = async () => {
    const fresh = await saving.reload();
    setValue({ name: fresh.name, draft: fresh.draft });
    setProblems(fresh.problems);
  };
  const runPublish = async () => {
    setOutcome(null);
    // Publish names a revision: everything typed is saved first, so what is published is what is shown.
    if (!(await saving.saver.settle())) {
      setOutcome({ kind: 'failed', message: 'the draft could not be saved first (see the save state).' });
      return;
    }
    try {
      const result = await publish.mutateAsync({ id: item.id, revision: saving.saver.revision });
      if (result.ok) {
        setOutcome({ kind: 'published', version: result.version, unchanged: result.unchanged });
        setProblems([]);
        await refreshItem();
      } else {
        setProblems(result.problems);
        setOutcome({ kind: 'refused', count: result.problems.length });
      }
    } catch (error) {
      setOutcome({ kind: 'failed', message: readableMessage(error as Error) });
    }
  };

  return (
    <>
      <TemplateHeader
        item={item}
        name={value.name}
        status={status}
        saveState={saving.state}
        readOnlyHint={readOnlyHint}
        publishing={publish.isPending}
        outcome={outcome}
        onPublish={() => void runPublish()}
      />
      {saving.state.kind === 'conflict' && (
        <div className="query-error template-conflict" role="alert">
          <p>
            <strong>Changed elsewhere:</strong> {saving.state.message}
          </p>
          <p>What you typed since is not saved: copy it first if you need it.</p>
          <button type="button" className="button" onClick={() => void takeServerDraft()}>
            Reload
          </button>
        </div>
      )}
      <div className="template-workspace">
        <div className="template-workspace__edit">
          <TemplateFields id={item.id} kind={item.kind} value={value} problems={problems} readOnly={readOnlyHint !== null} onChange={change} />
          <TemplateVersions
            item={item}
            canRestore={readOnlyHint === null}
            beforeRestore={() => saving.saver.settle()}
            onRestored={async () => {
              await takeServerDraft();
              await refreshItem();
            }}
          />
        </div>
        <TemplatePreview id={item.id} kind={item.kind} draft={value.draft} blocked={readOnlyHint} />
      </div>
    </>
  );
}
