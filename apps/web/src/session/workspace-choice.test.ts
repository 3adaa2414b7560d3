import { describe, expect, test, vi } from 'vitest';
import { chooseWorkspace, createWorkspaceStore, workspaceStorageKey } from './workspace-choice';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('createWorkspaceStore', () => {
  test('starts from the stored choice and writes every change back', () => {
    const storage = memoryStorage({ [workspaceStorageKey]: 'shop' });
    const store = createWorkspaceStore(storage);
    expect(store.get()).toBe('shop');
    store.set('blog');
    expect(storage.values.get(workspaceStorageKey)).toBe('blog');
    store.set(null);
    expect(storage.values.has(workspaceStorageKey)).toBe(false);
  });

  test('tells subscribers about a change, once, until they leave', () => {
    const store = createWorkspaceStore(memoryStorage());
    const listener = vi.fn();
    const leave = store.subscribe(listener);
    store.set('shop');
    store.set('shop');
    expect(listener).toHaveBeenCalledTimes(1);
    leave();
    store.set('blog');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('works without storage, or with storage that refuses', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    for (const storage of [null, refusing]) {
      const store = createWorkspaceStore(storage);
      expect(store.get()).toBeNull();
      store.set('shop');
      expect(store.get()).toBe('shop');
    }
  });
});

describe('chooseWorkspace', () => {
  const workspaces = [{ id: 'dev' }, { id: 'shop' }];

  test('keeps the chosen workspace while the user belongs to it', () => {
    expect(chooseWorkspace('shop', workspaces)).toEqual({ id: 'shop' });
  });

  test('falls back to the first one, as the server does', () => {
    expect(chooseWorkspace(null, workspaces)).toEqual({ id: 'dev' });
    expect(chooseWorkspace('gone', workspaces)).toEqual({ id: 'dev' });
  });

  test('is null for a user with no workspace', () => {
    expect(chooseWorkspace('shop', [])).toBeNull();
  });
});
