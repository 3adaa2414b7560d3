import { useSyncExternalStore } from 'react';
import { createWorkspaceStore } from './workspace-choice';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The workspace the console's requests name (x-tend-workspace). Change it with `switchWorkspace`. */
export const workspaceStore = createWorkspaceStore(browserStorage());

export function useChosenWorkspaceId(): string | null {
  return useSyncExternalStore(workspaceStore.subscribe, workspaceStore.get);
}
