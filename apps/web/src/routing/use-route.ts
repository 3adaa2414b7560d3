import { useMemo, useSyncExternalStore } from 'react';
import { hrefFor, parseHash, type Route } from './route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The page the URL hash points at; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parseHash(hash), [hash]);
}

/** Opens a page, as following a link to it would. */
export function navigate(route: Exclude<Route, { page: 'not-found' }>): void {
  window.location.hash = hrefFor(route);
}
