/**
 * The one event matcher: whether an event is one a journey listens for. Routing uses it to
 * enter contacts through triggers; the interpreter uses it for wait-for-event, goal and exit
 * filters. Pure, so workflow code can call it.
 */
import { matchesFilters } from './conditions.js';
import type { EventMatcher, IrTrigger } from './types.js';
import { segmentEnteredEvent, type ContactEvent } from './workflow-contract.js';

/** What matching reads of an event: a stored event being routed and an event a run received both have it. */
export type MatchableEvent = Pick<ContactEvent, 'type' | 'name' | 'properties'>;

/**
 * Ties an awaited event to the entry: it must carry the entry event's value of `property`
 * (the cart that made the contact enter, not another one). No property: any event will do.
 */
export interface SameAsEntry {
  entry: Pick<ContactEvent, 'properties'>;
  property: string | null | undefined;
}

/** A track event named as the matcher says, whose properties pass its filters (and tie it to the entry, if asked). */
export function eventMatches(matcher: EventMatcher, event: MatchableEvent, sameAs?: SameAsEntry): boolean {
  return (
    event.type === 'track' &&
    event.name === matcher.event &&
    matchesFilters(event.properties, matcher.filters) &&
    (sameAs === undefined || sharesEntryProperty(event, sameAs))
  );
}

/** The event enters a contact through the trigger. Date and schedule triggers enter contacts from their schedules, never from an event. */
export function triggerMatches(trigger: IrTrigger, event: MatchableEvent & { createdContact: boolean }): boolean {
  switch (trigger.kind) {
    case 'identify':
      return event.type === 'identify' && (!trigger.onlyNewContacts || event.createdContact);
    case 'event':
      return eventMatches(trigger, event);
    case 'segment':
      // Strict equality: a filter's "eq" would also take the number 5 for the segment "5".
      return event.type === 'track' && event.name === segmentEnteredEvent && event.properties.segment === trigger.segment;
    default:
      return false;
  }
}

function sharesEntryProperty(event: MatchableEvent, { entry, property }: SameAsEntry): boolean {
  if (property === null || property === undefined) return true;
  const value = entry.properties[property];
  return value !== undefined && event.properties[property] === value;
}
