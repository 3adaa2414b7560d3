/** The console's pages, addressed by the URL hash so the server needs no route of its own. */
export type Route =
  | { page: 'journeys' }
  /**
   * The journey editor: the Edit tab by default, or Watch (live counts, contacts at a node) or
   * History (a published `version` opened read-only).
   */
  | { page: 'journey'; id: string; tab?: JourneyTab; version?: number }
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

export type JourneyTab = 'edit' | 'watch' | 'history';

export function parseHash(hash: string): Route {
  const segments = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, third] = segments;
  if (segments.length === 0) return { page: 'journeys' };
  if (first === 'journeys' && segments.length === 1) return { page: 'journeys' };
  if (first === 'journeys' && second !== undefined && segments.length === 2) {
    return { page: 'journey', id: decodeSegment(second) };
  }
  if (first === 'journeys' && second !== undefined && (third === 'watch' || third === 'history') && segments.length === 3) {
    return { page: 'journey', id: decodeSegment(second), tab: third };
  }
  const version = segments[3];
  if (first === 'journeys' && second !== undefined && third === 'history' && version !== undefined && segments.length === 4) {
    if (/^[1-9][0-9]*$/.test(version)) return { page: 'journey', id: decodeSegment(second), tab: 'history', version: Number(version) };
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
    case 'journey': {
      const journey = `#/journeys/${encodeURIComponent(route.id)}`;
      if (route.tab === 'watch') return `${journey}/watch`;
      if (route.tab === 'history') return route.version === undefined ? `${journey}/history` : `${journey}/history/${route.version}`;
      return journey;
    }
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
