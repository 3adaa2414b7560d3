import type { JourneyGraphInput } from '@tend/journey/editor';
import type { EditorStoreApi } from '../store/editor-store';
import { contentOf, sameContent, type HistoryState } from '../store/history';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** Someone else saved after this draft was opened: the marketer chooses whose to keep. */
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

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
 * Autosave of the editor's draft: a save ~800 ms after the last edit, never two at once, each
 * based on the revision the previous one returned, so the server can refuse a save that would
 * overwrite someone else's (CONFLICT). Framework-free, so it is tested without a DOM.
 */
export class DraftSaver {
  private saved: HistoryState;
  private revision: number | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private again = false;
  private current: SaveState = { kind: 'saved' };
  private readonly debounceMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly store: EditorStoreApi,
    private readonly options: DraftSaverOptions,
  ) {
    this.saved = contentOf(store.getState());
    this.revision = options.baseRevision;
    this.debounceMs = options.debounceMs ?? 800;
    this.retryMs = options.retryMs ?? 5_000;
  }

  get state(): SaveState {
    return this.current;
  }

  /** Starts watching the store for edits; returns the stop function. */
  start(): () => void {
    const unsubscribe = this.store.subscribe((state) => {
      if (this.current.kind === 'conflict') return;
      if (sameContent(this.saved, state)) return;
      if (!this.inFlight) this.setState({ kind: 'dirty' });
      this.schedule(this.debounceMs);
    });
    return () => {
      unsubscribe();
      clearTimeout(this.timer);
    };
  }

  /** Keeps the marketer's version over the one saved meanwhile. */
  overwrite(): Promise<void> {
    this.setState({ kind: 'dirty' });
    return this.flush(true);
  }

  /** Takes the other person's draft: the editor shows it, and saves continue from its revision. */
  reload(draft: { graph: unknown; revision: number } | null): void {
    clearTimeout(this.timer);
    if (draft) this.store.getState().loadGraph(draft.graph);
    this.revision = draft?.revision ?? null;
    this.saved = contentOf(this.store.getState());
    this.setState({ kind: 'saved' });
  }

  /** Saves now what is pending (before leaving the page). */
  flushNow(): Promise<void> {
    clearTimeout(this.timer);
    return this.flush(false);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(false), delay);
  }

  private async flush(force: boolean): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.current.kind === 'conflict' && !force) return;
    const state = this.store.getState();
    const content = contentOf(state);
    if (!force && sameContent(this.saved, content)) {
      this.setState({ kind: 'saved' });
      return;
    }
    this.inFlight = true;
    this.setState({ kind: 'saving' });
    let failed = false;
    try {
      const result = await this.options.save(state.toGraph(), this.revision, force);
      this.revision = result.revision;
      this.saved = content;
    } catch (error) {
      failed = true;
      if (this.options.isConflict(error)) {
        this.again = false;
        this.setState({ kind: 'conflict', message: errorMessage(error) });
      } else {
        this.setState({ kind: 'error', message: errorMessage(error) });
        this.schedule(this.retryMs);
      }
    } finally {
      this.inFlight = false;
    }
    if (failed) return;
    const changedMeanwhile = !sameContent(this.saved, this.store.getState());
    if (this.again || changedMeanwhile) {
      this.again = false;
      this.setState({ kind: 'dirty' });
      this.schedule(changedMeanwhile ? this.debounceMs : 0);
    } else {
      this.setState({ kind: 'saved' });
    }
  }

  private setState(state: SaveState): void {
    if (state.kind === this.current.kind && !('message' in state)) return;
    this.current = state;
    this.options.onState(state);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
