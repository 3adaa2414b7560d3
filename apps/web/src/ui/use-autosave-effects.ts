import type { QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryClient } from '../trpc';
import type { SaveState } from './revision-saver';

/**
 * What an autosaving page does around its saver: the browser asks before leaving while changes
 * are not saved yet, and the list that shows the item (its draft badge, when it changed) is
 * refreshed once a save landed. `listKey` should be stable (made once, at module scope).
 */
export function useAutosaveEffects(state: SaveState, listKey: QueryKey): void {
  useEffect(() => {
    if (state.kind === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.kind]);

  useEffect(() => {
    if (state.kind === 'saved') void queryClient.invalidateQueries({ queryKey: listKey });
  }, [state.kind, listKey]);
}
