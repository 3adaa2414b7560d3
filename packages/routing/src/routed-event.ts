import { and, eq, events, or, type SQL } from '@tend/db';

/** A page call routes as a track event of this name (Segment's own name for it in destinations). */
export const pageViewedEvent = 'Page Viewed';
/** A screen call routes as a track event of this name. */
export const screenViewedEvent = 'Screen Viewed';

/** An event as stored by ingestion, ready to route. */
export interface RoutableEvent {
  id: string;
  messageId: string;
  type: 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias';
  /** The track's event name; the page or screen name; null for the others. */
  name: string | null;
  contactId: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
  createdContact: boolean;
  /** A client's retry of an event already routed: skipped. */
  duplicate: boolean;
}

/** What journeys see of an event: an identify, or a named track event. */
export type RoutedEvent = Omit<RoutableEvent, 'type'> & { type: 'identify' | 'track' };

/**
 * The one rule for what journeys see of a stored call. identify and track as they are; a page
 * call is the track event "Page Viewed" and a screen call "Screen Viewed", with the stored
 * properties (url, path, title, referrer, search, and the page's name and category), so a trigger
 * or a wait matches "Page Viewed" where `path` equals "/pricing". group and alias reach no
 * journey (null).
 */
export function routedEvent(event: RoutableEvent): RoutedEvent | null {
  switch (event.type) {
    case 'identify':
    case 'track':
      return { ...event, type: event.type };
    case 'page':
      return { ...event, type: 'track', name: pageViewedEvent };
    case 'screen':
      return { ...event, type: 'track', name: screenViewedEvent };
    default:
      return null;
  }
}

/**
 * Stored calls that journeys see as the event `name` (for counts in conditions): track events of
 * that name, and page or screen calls when `name` is "Page Viewed" or "Screen Viewed".
 */
export function storedAsEvent(name: string): SQL {
  return or(
    and(eq(events.type, 'track'), eq(events.name, name)),
    name === pageViewedEvent ? eq(events.type, 'page') : undefined,
    name === screenViewedEvent ? eq(events.type, 'screen') : undefined,
  )!;
}
