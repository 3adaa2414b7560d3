/** Where the chosen workspace is remembered, so a new tab opens the one used last. */
export const workspaceStorageKey = 'tend.workspace';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface WorkspaceStore {
  get(): string | null;
  set(id: string | null): void;
  subscribe(listener: () => void): () => void;
}

/**
 * The workspace the reader chose: a value kept in memory for `useSyncExternalStore`, read from
 * storage once and written back on every change. Each tab keeps its own choice once open, so a
 * switch in one tab never changes what another tab's requests name. Storage may be missing or
 * refuse writes (private windows): the choice then lasts as long as the tab.
 */
export function createWorkspaceStore(storage: KeyValueStorage | null): WorkspaceStore {
  let current = attempt(() => storage?.getItem(workspaceStorageKey) ?? null, null);
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(id) {
      if (id === current) return;
      current = id;
      attempt(() => (id === null ? storage?.removeItem(workspaceStorageKey) : storage?.setItem(workspaceStorageKey, id)), undefined);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The workspace to show: the one chosen, while the user still belongs to it, else their first
 * (the one the server would pick), else none.
 */
export function chooseWorkspace<W extends { id: string }>(chosen: string | null, workspaces: readonly W[]): W | null {
  return workspaces.find((workspace) => workspace.id === chosen) ?? workspaces[0] ?? null;
}

function attempt<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}
