import { useEffect, useState } from 'react';
import { apiErrorCode } from '../../session/api-errors';
import { queryClient, trpc, trpcClient } from '../../trpc';
import type { EditorStoreApi } from '../store/editor-store';
import { DraftSaver, type SaveState } from './draft-saver';

/**
 * Autosaves the open journey's draft while the page is open (for roles that may edit), and
 * warns before leaving with changes not saved yet.
 */
export function useDraftSaver(store: EditorStoreApi, journeyId: string, baseRevision: number | null, enabled: boolean) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [saver] = useState(
    () =>
      new DraftSaver(store, {
        baseRevision,
        save: (graph, base, force) => trpcClient.drafts.save.mutate({ id: journeyId, graph, baseRevision: base, force }),
        isConflict: (error) => apiErrorCode(error) === 'CONFLICT',
        onState: setState,
      }),
  );

  useEffect(() => (enabled ? saver.start() : undefined), [enabled, saver]);

  useEffect(() => {
    if (state.kind === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.kind]);

  // The list shows "Draft" for journeys with one: refresh it once a save landed.
  useEffect(() => {
    if (state.kind === 'saved') void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
  }, [state.kind]);

  return {
    state,
    overwrite: () => saver.overwrite(),
    /** Takes the draft someone else saved. */
    reload: async () => {
      const draft = await queryClient.fetchQuery(trpc.drafts.get.queryOptions({ id: journeyId }, { staleTime: 0 }));
      saver.reload(draft ? { graph: draft.graph, revision: draft.revision } : null);
    },
  };
}

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'dirty':
      return 'Unsaved changes';
    case 'conflict':
      return 'Not saved: someone else saved';
    case 'error':
      return `Not saved: ${state.message}`;
  }
}
