import { useEffect, useState } from 'react';
import { apiErrorCode } from '../../session/api-errors';
import { queryClient, trpc, trpcClient } from '../../trpc';
import type { EditorStoreApi } from '../store/editor-store';
import { useAutosaveEffects } from '../../ui/use-autosave-effects';
import { DraftSaver, type SaveState } from './draft-saver';

/** The journeys list shows "Draft" for journeys with one: refreshed once a save landed. */
const journeyListKey = trpc.journeys.list.queryKey();

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

  useAutosaveEffects(state, journeyListKey);

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
