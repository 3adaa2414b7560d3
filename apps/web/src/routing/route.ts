/** The console's pages, addressed by the URL hash so the server needs no route of its own. */
export type Route =
  | { page: 'journeys' }
  | { page: 'journey'; id: string }
  | { page: 'outbox' }
  | { page: 'contacts' }
  /** A contact looked up by contact id or user id; `journeyId` opens their trail in that journey. */
  | { page: 'contact'; id: string; journeyId: string | null }
  | { page: 'settings' }
  | { page: 'audit' }
  /** The live event debugger: calls received, accepted or rejected. */
  | { page: 'events' }
  /** An invitation link (`<publicUrl>/#/invitation/<token>`): opens without signing in. */
  | { page: 'invitation'; token: string }
  | { page: 'not-found'; hash: string };

export function parseHash(hash: string): Route {
  const segments = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, third] = segments;
  if (segments.length === 0) return { page: 'journeys' };
  if (first === 'journeys' && segments.length === 1) return { page: 'journeys' };
  if (first === 'journeys' && second !== undefined && segments.length === 2) {
    return { page: 'journey', id: decodeSegment(second) };
  }
  if (first === 'outbox' && segments.length === 1) return { page: 'outbox' };
  if (first === 'contacts' && segments.length === 1) return { page: 'contacts' };
  if (first === 'settings' && segments.length === 1) return { page: 'settings' };
  if (first === 'audit' && segments.length === 1) return { page: 'audit' };
  if (first === 'events' && segments.length === 1) return { page: 'events' };
  if (first === 'invitation' && second !== undefined && segments.length === 2) {
    return { page: 'invitation', token: decodeSegment(second) };
  }
  if (first === 'contacts' && second !== undefined && segments.length <= 3) {
    return { page: 'contact', id: decodeSegment(second), journeyId: third === undefined ? null : decodeSegment(third) };
  }
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
    case 'contacts':
      return '#/contacts';
    case 'contact': {
      const contact = `#/contacts/${encodeURIComponent(route.id)}`;
      return route.journeyId === null ? contact : `${contact}/${encodeURIComponent(route.journeyId)}`;
    }
    case 'settings':
      return '#/settings';
    case 'audit':
      return '#/audit';
    case 'events':
      return '#/events';
    case 'invitation':
      return `#/invitation/${encodeURIComponent(route.token)}`;
  }
}

/**
 * Where to be after switching workspace: a journey or a contact belongs to one workspace, so
 * their pages give way to the list; every other page exists in each workspace as it is.
 */
export function routeInAnotherWorkspace(route: Route): Route {
  switch (route.page) {
    case 'journey':
      return { page: 'journeys' };
    case 'contact':
      return { page: 'contacts' };
    default:
      return route;
  }
}

/** A segment as typed; a stray "%" in a hand-edited URL is kept rather than thrown on. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
