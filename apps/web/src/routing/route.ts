/** The console's pages, addressed by the URL hash so the server needs no route of its own. */
export type Route =
  | { page: 'journeys' }
  /**
   * The journey editor: the Edit tab by default, or Watch (live counts, contacts at a node) or
   * History (a published `version` opened read-only).
   */
  | { page: 'journey'; id: string; tab?: JourneyTab; version?: number }
  | { page: 'outbox' }
  /** The message policy (caps, quiet hours, opt-in), subscription topics and suppressed addresses. */
  | { page: 'messaging' }
  /** The email library: templates, layouts and partials. */
  | { page: 'templates' }
  /** One library item's editor: draft, preview, test send, publish, versions. */
  | { page: 'template'; id: string }
  /** The contact list; `filters` (in the hash's query, so a filtered list is a link) when any is set. */
  | { page: 'contacts'; filters?: ContactFilters }
  /** A contact looked up by contact id or user id; `journeyId` opens their trail in that journey. */
  | { page: 'contact'; id: string; journeyId: string | null }
  | { page: 'segments' }
  /** A segment's builder; `id` null for a new one. */
  | { page: 'segment'; id: string | null }
  /** The R×F heatmap, RFM groups and their settings. */
  | { page: 'rfm' }
  /** File imports: upload, mapping, progress, and the imports so far. */
  | { page: 'import' }
  | { page: 'settings' }
  | { page: 'audit' }
  /** The live event debugger: calls received, accepted or rejected. */
  | { page: 'events' }
  /** An invitation link (`<publicUrl>/#/invitation/<token>`): opens without signing in. */
  | { page: 'invitation'; token: string }
  | { page: 'not-found'; hash: string };

export type JourneyTab = 'edit' | 'watch' | 'history';

/** How a trait filter compares, as contacts.list takes it. */
export type TraitFilterOp = 'eq' | 'neq' | 'contains' | 'exists' | 'not_exists';
export const traitFilterOps = ['eq', 'neq', 'contains', 'exists', 'not_exists'] as const satisfies readonly TraitFilterOp[];

/** What the contact list is narrowed to; every field optional, an empty one is left out. */
export interface ContactFilters {
  /** Part of an id, userId, email or name. */
  search?: string;
  /** A segment id. */
  segment?: string;
  /** An RFM group name, e.g. "At risk". */
  rfmGroup?: string;
  trait?: { name: string; op: TraitFilterOp; value: string };
}

/** The address of a new segment's builder (a segment's own id is a slug, so "new" is read as this). */
const newSegment = 'new';

export function parseHash(hash: string): Route {
  const [path, query] = splitQuery(hash.replace(/^#\/?/, ''));
  const segments = path.split('/').filter(Boolean);
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
  if (first === 'messaging' && segments.length === 1) return { page: 'messaging' };
  if (first === 'templates' && segments.length === 1) return { page: 'templates' };
  if (first === 'templates' && second !== undefined && segments.length === 2) return { page: 'template', id: decodeSegment(second) };
  if (first === 'contacts' && segments.length === 1) {
    const filters = parseContactFilters(query);
    return filters ? { page: 'contacts', filters } : { page: 'contacts' };
  }
  if (first === 'segments' && segments.length === 1) return { page: 'segments' };
  if (first === 'segments' && second !== undefined && segments.length === 2) {
    return { page: 'segment', id: second === newSegment ? null : decodeSegment(second) };
  }
  if (first === 'rfm' && segments.length === 1) return { page: 'rfm' };
  if (first === 'import' && segments.length === 1) return { page: 'import' };
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
    case 'messaging':
      return '#/messaging';
    case 'templates':
      return '#/templates';
    case 'template':
      return `#/templates/${encodeURIComponent(route.id)}`;
    case 'contacts': {
      const query = route.filters ? formatContactFilters(route.filters) : '';
      return query ? `#/contacts?${query}` : '#/contacts';
    }
    case 'segments':
      return '#/segments';
    case 'segment':
      return `#/segments/${route.id === null ? newSegment : encodeURIComponent(route.id)}`;
    case 'rfm':
      return '#/rfm';
    case 'import':
      return '#/import';
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
    // Segments and RFM groups are named per workspace: a filtered list would show nothing.
    case 'contacts':
      return route.filters ? { page: 'contacts' } : route;
    case 'segment':
      return { page: 'segments' };
    case 'template':
      return { page: 'templates' };
    default:
      return route;
  }
}

/** The path and the query of a hash's remainder ("contacts?segment=vip" → ["contacts", "segment=vip"]). */
function splitQuery(rest: string): [string, string] {
  const at = rest.indexOf('?');
  return at === -1 ? [rest, ''] : [rest.slice(0, at), rest.slice(at + 1)];
}

// Short parameter names: the filtered list's address is shown and shared.
function parseContactFilters(query: string): ContactFilters | undefined {
  const params = new URLSearchParams(query);
  const filters: ContactFilters = {};
  const search = params.get('q')?.trim();
  if (search) filters.search = search;
  const segment = params.get('segment')?.trim();
  if (segment) filters.segment = segment;
  const rfmGroup = params.get('rfm')?.trim();
  if (rfmGroup) filters.rfmGroup = rfmGroup;
  const trait = params.get('trait')?.trim();
  const op = traitFilterOps.find((known) => known === params.get('op')) ?? 'eq';
  if (trait) filters.trait = { name: trait, op, value: params.get('value') ?? '' };
  return Object.keys(filters).length > 0 ? filters : undefined;
}

function formatContactFilters(filters: ContactFilters): string {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.segment) params.set('segment', filters.segment);
  if (filters.rfmGroup) params.set('rfm', filters.rfmGroup);
  if (filters.trait?.name) {
    params.set('trait', filters.trait.name);
    params.set('op', filters.trait.op);
    if (filters.trait.op !== 'exists' && filters.trait.op !== 'not_exists') params.set('value', filters.trait.value);
  }
  return params.toString();
}

/** A segment as typed; a stray "%" in a hand-edited URL is kept rather than thrown on. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
