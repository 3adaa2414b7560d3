import type { JourneyGraphInput } from '@tend/journey/editor';
import { RevisionSaver, type SaveState } from '../../ui/revision-saver';
import type { EditorState, EditorStoreApi } from '../store/editor-store';
import { sameContent } from '../store/history';

export type { SaveState } from '../../ui/revision-saver';

export interface DraftSaverOptions {
  /** The draft's revision when it was opened; null when there is no draft yet. */
  baseRevision: number | null;
  save(graph: JourneyGraphInput, baseRevision: number | null, force: boolean): Promise<{ revision: number }>;
  isConflict(error: unknown): boolean;
  onState(state: SaveState): void;
  /** Quiet time after the last edit before saving. */
  debounceMs?: number;
  /** Wait before trying again after a failed save (network, server). */
  retryMs?: number;
}

/**
 * Autosave of the editor's draft: the shared RevisionSaver fed by the editor store. Each store
 * snapshot is the content (immutable, so the graph saved is the snapshot compared); a selection
 * or a measured size is no change, since `sameContent` ignores them.
 */
export class DraftSaver {
  private readonly saver: RevisionSaver<EditorState, number | null>;

  constructor(
    private readonly store: EditorStoreApi,
    options: DraftSaverOptions,
  ) {
    const { baseRevision, save, ...rest } = options;
    this.saver = new RevisionSaver<EditorState, number | null>({
      ...rest,
      revision: baseRevision,
      saved: store.getState(),
      same: sameContent,
      save: (state, revision, force) => save(state.toGraph(), revision, force),
    });
  }

  get state(): SaveState {
    return this.saver.state;
  }

  /** Starts watching the store for edits; returns the stop function. */
  start(): () => void {
    const unsubscribe = this.store.subscribe((state) => this.saver.edit(state));
    return () => {
      unsubscribe();
      this.saver.stop();
    };
  }

  /** Keeps the marketer's version over the one saved meanwhile. */
  overwrite(): Promise<void> {
    return this.saver.overwrite();
  }

  /** Takes the other person's draft: the editor shows it, and saves continue from its revision. */
  reload(draft: { graph: unknown; revision: number } | null): void {
    if (draft) this.store.getState().loadGraph(draft.graph);
    this.saver.reload(this.store.getState(), draft?.revision ?? null);
  }
}
