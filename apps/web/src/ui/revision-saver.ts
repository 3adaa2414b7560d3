export type SaveState =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** Someone else saved after this draft was opened: the marketer chooses whose to keep. */
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

/**
 * `Rev` is the revision a save names: `number`, or `number | null` where a draft may not exist
 * yet. A landed save always returns a number.
 */
export interface RevisionSaverOptions<T, Rev extends number | null, R extends { revision: NonNullable<Rev> }> {
  /** The revision of the draft the editor opened. */
  revision: Rev;
  /** The content as saved at that revision. */
  saved: T;
  same(a: T, b: T): boolean;
  /**
   * Saves `content` on top of `revision`; the server refuses a stale revision (CONFLICT) unless
   * `force` (the marketer chose to keep theirs).
   */
  save(content: T, revision: Rev, force: boolean): Promise<R>;
  isConflict(error: unknown): boolean;
  onState(state: SaveState): void;
  /** Each landed save with what it saved. */
  onSaved?(result: R, content: T): void;
  /** Quiet time after the last edit before saving. */
  debounceMs?: number;
  /** Wait before trying again after a failed save (network, server). */
  retryMs?: number;
}

/**
 * Autosave of a draft edited in the browser (a journey, a library template): a save ~800 ms after
 * the last edit, never two at once, each naming the revision the previous one returned, so a save
 * over someone else's is refused (CONFLICT) and autosave stops until the marketer reloads theirs
 * or overwrites it. It watches values handed to `edit`. Framework-free, so it is tested without a DOM.
 */
export class RevisionSaver<T, Rev extends number | null = number, R extends { revision: NonNullable<Rev> } = { revision: NonNullable<Rev> }> {
  private latest: T;
  private saved: T;
  private currentRevision: Rev;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private current: SaveState = { kind: 'saved' };
  private readonly debounceMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: RevisionSaverOptions<T, Rev, R>) {
    this.latest = options.saved;
    this.saved = options.saved;
    this.currentRevision = options.revision;
    this.debounceMs = options.debounceMs ?? 800;
    this.retryMs = options.retryMs ?? 5_000;
  }

  get state(): SaveState {
    return this.current;
  }

  /** The revision of the last save: what publish names. */
  get revision(): Rev {
    return this.currentRevision;
  }

  /** The marketer changed the content. */
  edit(content: T): void {
    this.latest = content;
    if (this.current.kind === 'conflict') return;
    if (this.options.same(this.saved, content)) {
      clearTimeout(this.timer);
      if (!this.inFlight) this.setState({ kind: 'saved' });
      return;
    }
    if (!this.inFlight) this.setState({ kind: 'dirty' });
    this.schedule(this.debounceMs);
  }

  /**
   * Saves what is pending now and resolves once everything typed is saved (before publishing,
   * or leaving). Resolves false when it could not be saved (a conflict or an error: see `state`).
   */
  async settle(): Promise<boolean> {
    clearTimeout(this.timer);
    for (;;) {
      if (this.inFlight) await this.inFlight;
      if (this.current.kind === 'conflict') return false;
      if (this.options.same(this.saved, this.latest)) return true;
      await this.flush(false);
      // Read through the getter: the save just awaited may have changed it.
      const after = this.state.kind;
      if (after === 'error' || after === 'conflict') {
        clearTimeout(this.timer);
        return false;
      }
    }
  }

  /** Keeps the marketer's content over the one saved meanwhile (after a conflict). */
  async overwrite(): Promise<void> {
    clearTimeout(this.timer);
    this.setState({ kind: 'dirty' });
    if (this.inFlight) await this.inFlight;
    await this.flush(true);
  }

  /** Takes the draft as the server has it now (after a conflict, or a restore): saves continue from its revision. */
  reload(content: T, revision: Rev): void {
    clearTimeout(this.timer);
    this.latest = content;
    this.saved = content;
    this.currentRevision = revision;
    this.setState({ kind: 'saved' });
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(false), delay);
  }

  private flush(force: boolean): Promise<void> {
    // One save at a time: the one running schedules the next when it lands.
    if (this.inFlight) return this.inFlight;
    if (this.current.kind === 'conflict' && !force) return Promise.resolve();
    const content = this.latest;
    if (!force && this.options.same(this.saved, content)) {
      this.setState({ kind: 'saved' });
      return Promise.resolve();
    }
    this.setState({ kind: 'saving' });
    this.inFlight = this.saveOnce(content, force).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async saveOnce(content: T, force: boolean): Promise<void> {
    try {
      const result = await this.options.save(content, this.currentRevision, force);
      this.currentRevision = result.revision;
      this.saved = content;
      this.options.onSaved?.(result, content);
    } catch (error) {
      if (this.options.isConflict(error)) {
        this.setState({ kind: 'conflict', message: errorMessage(error) });
      } else {
        this.setState({ kind: 'error', message: errorMessage(error) });
        this.schedule(this.retryMs);
      }
      return;
    }
    if (this.options.same(this.saved, this.latest)) {
      this.setState({ kind: 'saved' });
    } else {
      // Edited while it saved: the next save follows the usual pause.
      this.setState({ kind: 'dirty' });
      this.schedule(this.debounceMs);
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
