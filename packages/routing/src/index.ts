export { commandContact, commandJourney, endRuns, type ContactCommand, type JourneyCommand } from './control.js';
export { enterJourney, type Entry, type EntryOutcome } from './enter.js';
export { liveJourneys, type LiveJourney } from './live-journeys.js';
export { routingPartitions } from './partition-leases.js';
export { startRoutingConsumer, type RoutingConsumer, type RoutingConsumerOptions } from './routing-consumer.js';
export { pageViewedEvent, routedEvent, screenViewedEvent, storedAsEvent, type RoutableEvent, type RoutedEvent } from './routed-event.js';
