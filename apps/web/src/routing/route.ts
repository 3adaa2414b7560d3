/** The console's pages, addressed by the URL hash so the server needs no route of its own. */
export type Route =
  | { page: 'journeys' }
  | { page: 'journey'; id: string }
  | { page: 'outbox' }
  | { page: 'not-found'; hash: string };

export function parseHash(hash: string): Route {
  const segments = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = segments;
  if (segments.length === 0) return { page: 'journeys' };
  if (first === 'journeys' && segments.length === 1) return { page: 'journeys' };
  if (first === 'journeys' && second !== undefined && segments.length === 2) {
    return { page: 'journey', id: decodeURIComponent(second) };
  }
  if (first === 'outbox' && segments.length === 1) return { page: 'outbox' };
  return { page: 'not-found', hash };
}

export function hrefFor(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'journeys':
      return '#/journeys';
    case 'journey':
      return `#/journeys/${encodeURIComponent(route.id)}`;
    case 'outbox':
      return '#/outbox';
  }
}
