import './page/editor-page.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { JourneyStatusBadge } from '../journeys/journey-badges';
import { hrefFor, type JourneyTab } from '../routing/route';
import { navigate } from '../routing/use-route';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc, type JourneyDetail } from '../trpc';
import { Loading, QueryError } from '../ui/query-status';
import { templateAvailability } from '../templates/template-list';
import { useCatalogue, type CatalogueEntry } from './catalogue';
import { useEmailTemplates, useTopics } from './inspector/inspector-api';
import { VersionHistory } from './history/version-history';
import { ConflictDialog } from './page/conflict-dialog';
import { EditView } from './page/edit-view';
import { EditorTabs } from './page/editor-tabs';
import { JourneyControls } from './page/journey-controls';
import { PublishButton } from './page/publish-button';
import { saveStateText, useDraftSaver } from './page/use-draft-saver';
import { WatchView } from './page/watch-view';
import { PublishDialog } from './publish/publish-dialog';
import { createEditorStore, EditorStoreProvider, useEditor, useUndoRedo, type EditorStoreApi } from './store/editor-store';
import { useProblems } from './store/validation';

/**
 * A journey's page: Edit (the draft, autosaved), Watch (the live version with counts) and
 * History (published versions). The draft opens from the server's draft, else the live
 * version, else a blank graph; one that does not parse opens with its problems listed.
 */
export function EditorPage({ id, tab = 'edit', version }: { id: string; tab?: JourneyTab; version?: number }) {
  const journey = useQuery(trpc.journeys.get.queryOptions({ id }, { retry: false }));
  // Read once: the store owns the draft from then on, and autosave keeps the server's copy.
  const draft = useQuery(trpc.drafts.get.queryOptions({ id }, { retry: false, staleTime: Infinity, refetchOnWindowFocus: false }));
  const catalogue = useCatalogue();

  return (
    <div className="page page--wide editor-page">
      <a className="back-link" href={hrefFor({ page: 'journeys' })}>
        ← Journeys
      </a>
      {(journey.isPending || draft.isPending || catalogue.isPending) && <Loading what="the journey" />}
      {journey.isError && <QueryError what={`journey "${id}"`} error={journey.error} />}
      {draft.isError && <QueryError what="the draft" error={draft.error} />}
      {catalogue.isError && <QueryError what="the node catalogue" error={catalogue.error} />}
      {journey.data && draft.isSuccess && catalogue.data && (
        <LoadedEditor
          journey={journey.data}
          draft={draft.data}
          catalogue={catalogue.data}
          tab={tab}
          version={version ?? null}
        />
      )}
    </div>
  );
}

type Draft = { graph?: unknown; revision: number } | null;

function LoadedEditor({
  journey,
  draft,
  catalogue,
  tab,
  version,
}: {
  journey: JourneyDetail;
  draft: Draft;
  catalogue: CatalogueEntry[];
  tab: JourneyTab;
  version: number | null;
}) {
  const readOnlyHint = roleHint(useSession().workspace.role, 'marketer');
  const [store] = useState(() =>
    createEditorStore(draft?.graph ?? journey.graph ?? { id: journey.id, name: journey.name, nodes: [], edges: [] }, {
      readOnly: readOnlyHint !== null,
    }),
  );
  useEffect(() => store.getState().setCatalogue(catalogue), [catalogue, store]);
  // The email library, so a step naming a template that cannot be sent is marked before publish.
  const library = useEmailTemplates().data;
  const templates = useMemo(() => (library ? templateAvailability(library) : undefined), [library]);
  useEffect(() => store.getState().setTemplates(templates), [templates, store]);
  // The workspace's topics, so a step naming no topic of theirs ("offres") is marked as the marketer picks.
  const topicRows = useTopics().data;
  const topics = useMemo(() => topicRows?.map((topic) => topic.id), [topicRows]);
  useEffect(() => store.getState().setTopics(topics), [topics, store]);
  const saver = useDraftSaver(store, journey.id, draft?.revision ?? null, readOnlyHint === null);

  return (
    <EditorStoreProvider store={store}>
      <EditorHeader journey={journey} tab={tab} saveText={readOnlyHint ? null : saveStateText(saver.state)} readOnlyHint={readOnlyHint} store={store} />
      {tab === 'edit' && <EditView />}
      {tab === 'watch' && <WatchView key={journey.liveVersion ?? 0} journey={journey} catalogue={catalogue} />}
      {tab === 'history' && (
        <VersionHistory
          journeyId={journey.id}
          selectedVersion={version}
          onRestore={(graph) => {
            // Autosave then saves it as the draft; publishing it makes a new version.
            store.getState().loadGraph(graph, { readOnly: store.getState().readOnly });
            navigate({ page: 'journey', id: journey.id });
          }}
        />
      )}
      <ConflictDialog
        message={saver.state.kind === 'conflict' ? saver.state.message : null}
        onReload={saver.reload}
        onOverwrite={saver.overwrite}
      />
    </EditorStoreProvider>
  );
}

function EditorHeader({
  journey,
  tab,
  saveText,
  readOnlyHint,
  store,
}: {
  journey: JourneyDetail;
  tab: JourneyTab;
  saveText: string | null;
  readOnlyHint: string | null;
  store: EditorStoreApi;
}) {
  const name = useEditor((state) => state.meta.name);
  const problems = useProblems();
  const { undo, redo, canUndo, canRedo } = useUndoRedo();
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);

  return (
    <header className="page__header editor-header">
      <div className="editor-header__row">
        <h1>{name || journey.name}</h1>
        <JourneyStatusBadge status={journey.status} />
        <span className="muted">{journey.liveVersion === null ? 'Not published yet' : `live version v${journey.liveVersion}`}</span>
        {saveText && (
          <span className="editor-header__save" role="status">
            {saveText}
          </span>
        )}
        {readOnlyHint && <span className="muted small">Read only. {readOnlyHint}</span>}
        <div className="editor-header__actions">
          {tab === 'edit' && readOnlyHint === null && (
            <>
              <button type="button" className="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl/⌘ + Z)">
                Undo
              </button>
              <button type="button" className="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl/⌘ + Shift + Z)">
                Redo
              </button>
            </>
          )}
          <PublishButton problems={problems} blocked={readOnlyHint} onClick={() => setPublishing(true)} />
        </div>
      </div>
      <div className="editor-header__row">
        <EditorTabs journeyId={journey.id} current={tab} />
        <JourneyControls journey={journey} active={undefined} />
        {published !== null && (
          <span className="small" role="status">
            Published version {published}.
          </span>
        )}
      </div>
      {publishing && (
        <PublishDialog
          journeyId={journey.id}
          draft={store.getState().toGraph()}
          live={(journey.graph as Parameters<typeof PublishDialog>[0]['live']) ?? null}
          liveVersion={journey.liveVersion}
          onClose={() => setPublishing(false)}
          onPublished={(version) => {
            setPublished(version);
            void queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() });
          }}
        />
      )}
    </header>
  );
}
