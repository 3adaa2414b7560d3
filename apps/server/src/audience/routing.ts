import { refreshSegmentsForContacts } from '@tend/audience';
import type { Database } from '@tend/db';
import { segmentEnteredEvent, segmentExitedEvent } from '@tend/journey/ir';
import { startRoutingConsumer, type RoutingConsumer, type RoutingConsumerOptions } from '@tend/routing';
import type { Client } from '@temporalio/client';

/**
 * The server's routing consumer, with segments kept up to date in real time: once a batch of
 * events is routed, the segments of their contacts are refreshed, and each entry or exit is
 * stored as a "Segment Entered" / "Segment Exited" event that the consumer routes next (so the
 * "entered segment" trigger fires). Those events themselves start no refresh: a refresh already
 * takes segments that use other segments in dependency order.
 */
export function startServerRouting(db: Database, temporal: Client, options: Omit<RoutingConsumerOptions, 'afterBatch'>): RoutingConsumer {
  const consumer: RoutingConsumer = startRoutingConsumer(db, temporal, {
    ...options,
    async afterBatch(workspaceId, routed) {
      const contactIds = [...new Set(routed.filter((event) => !isSegmentChange(event.name)).map((event) => event.contactId))];
      if (contactIds.length === 0) return;
      const changes = await refreshSegmentsForContacts(db, workspaceId, contactIds, new Date());
      if (changes.some((change) => change.entered + change.exited > 0)) consumer.wake();
    },
  });
  return consumer;
}

function isSegmentChange(name: string | null): boolean {
  return name === segmentEnteredEvent || name === segmentExitedEvent;
}
