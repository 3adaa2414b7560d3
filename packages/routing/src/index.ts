export { commandJourney, type JourneyCommand } from './control.js';
export { enterJourney, type Entry, type EntryOutcome } from './enter.js';
export { liveJourneys, type LiveJourney } from './live-journeys.js';
export { routeEvents, type RoutableEvent } from './route-events.js';
