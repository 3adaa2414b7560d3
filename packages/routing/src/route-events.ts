import { and, enrolments, eq, events, inArray, journeyVersions, segmentMemberships, sql, type Database } from '@tend/db';
import { contactEventSignal, segmentEnteredEvent, segmentExitedEvent, triggerMatches, type ContactEvent, type ContactEventSignal } from '@tend/journey/ir';
import type { Client } from '@temporalio/client';
import { enterJourney } from './enter.js';
import { liveJourneys, type LiveJourney } from './live-journeys.js';
import { routedEvent, type RoutableEvent, type RoutedEvent } from './routed-event.js';

/**
 * Offers stored events to journeys: triggers enter contacts (signalWithStart), and running
 * enrolments that listen for the event's name get it as a signal — one indexed query per
 * event on the routing index. page and screen calls route as "Page Viewed" / "Screen Viewed"
 * track events; group and alias reach no journey (see routed-event.ts). Marks each event routed
 * afterwards, those included.
 */
export async function routeEvents(db: Database, temporal: Client, workspaceId: string, stored: RoutableEvent[]): Promise<void> {
  const fresh = stored.filter((event) => !event.duplicate);
  if (fresh.length === 0) return;
  const live = await liveJourneys(db, workspaceId);
  const heard = await namesAnyRunListensTo(db, workspaceId);
  // One contact's events keep their order; different contacts are routed side by side.
  const byContact = new Map<string, RoutableEvent[]>();
  for (const event of fresh) byContact.set(event.contactId, [...(byContact.get(event.contactId) ?? []), event]);
  await forEachConcurrently([...byContact.values()], routingConcurrency, async (contactEvents) => {
    for (const event of contactEvents) await routeOne(db, temporal, workspaceId, live, heard, event);
  });
  await db.update(events).set({ routedAt: new Date() }).where(inArray(events.id, fresh.map((event) => event.id)));
}

/** Temporal calls in flight at once while routing one request's events. */
const routingConcurrency = 8;

/**
 * Every event name a run of this workspace may listen to: what any version of any of its
 * journeys listens to (a run is always on one of them). An event no version listens to needs no
 * look-up in the routing index, which spares most of a batch's queries.
 */
async function namesAnyRunListensTo(db: Database, workspaceId: string): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectDistinct({ name: sql<string>`jsonb_array_elements_text(${journeyVersions.ir} -> 'listensTo')` })
    .from(journeyVersions)
    .where(eq(journeyVersions.workspaceId, workspaceId));
  return new Set(rows.map((row) => row.name));
}

async function routeOne(db: Database, temporal: Client, workspaceId: string, live: LiveJourney[], heard: ReadonlySet<string>, stored: RoutableEvent): Promise<void> {
  const event = routedEvent(stored);
  if (!event) return;
  await applySegmentMembership(db, workspaceId, event);
  const contactEvent: ContactEvent = {
    type: event.type,
    name: event.name,
    messageId: event.messageId,
    properties: event.properties,
    occurredAt: event.occurredAt.toISOString(),
  };
  const signalled = new Set<string>();
  for (const journey of live) {
    for (const trigger of journey.ir.triggers) {
      if (!triggerMatches(trigger, event)) continue;
      await enterJourney(db, temporal, { workspaceId, contactId: event.contactId, journey, trigger, event: contactEvent });
      signalled.add(journey.journeyId);
      break; // one entry per journey per event
    }
  }
  if (event.type === 'track' && event.name && heard.has(event.name)) {
    const listening = await db
      .select({ journeyId: enrolments.journeyId, workflowId: enrolments.workflowId })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.workspaceId, workspaceId),
          eq(enrolments.contactId, event.contactId),
          eq(enrolments.status, 'active'),
          sql`${event.name} = any(${enrolments.listensTo})`,
        ),
      );
    for (const run of listening) {
      if (signalled.has(run.journeyId)) continue;
      const signal: ContactEventSignal = { event: contactEvent, triggerNodeId: null };
      await temporal.workflow
        .getHandle(run.workflowId)
        .signal(contactEventSignal, signal)
        .catch((error: unknown) => {
          // The run ended between the index read and the signal: nothing is waiting any more.
          if ((error as { name?: string }).name !== 'WorkflowNotFoundError') throw error;
        });
    }
  }
}

async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** "Segment Entered" / "Segment Exited" events keep segment membership for branch conditions. */
async function applySegmentMembership(db: Database, workspaceId: string, event: RoutedEvent): Promise<void> {
  const segment = event.properties.segment;
  if (event.type !== 'track' || typeof segment !== 'string') return;
  if (event.name === segmentEnteredEvent) {
    await db.insert(segmentMemberships).values({ workspaceId, segment, contactId: event.contactId }).onConflictDoNothing();
  } else if (event.name === segmentExitedEvent) {
    await db
      .delete(segmentMemberships)
      .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.segment, segment), eq(segmentMemberships.contactId, event.contactId)));
  }
}
