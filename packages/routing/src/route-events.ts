import { and, enrolments, eq, segmentMemberships, textIn, type Database } from '@tend/db';
import { contactEventSignal, journeyWorkflowId, segmentEnteredEvent, segmentExitedEvent, triggerMatches, type ContactEvent, type ContactEventSignal } from '@tend/journey/ir';
import type { Client } from '@temporalio/client';
import { enterJourney } from './enter.js';
import type { RoutingView } from './live-journeys.js';
import { routedEvent, type RoutableEvent, type RoutedEvent } from './routed-event.js';

/** The message id prefix of the segment entries and exits Tend records itself (see @tend/audience). */
const tendSegmentMessagePrefix = 'segment:';

/** A run that may need a contact's event: its workflow and the names it listens to. */
interface ListeningRun {
  journeyId: string;
  workflowId: string;
  listensTo: readonly string[];
}

/**
 * Offers one workspace's stored events to its journeys: triggers enter contacts
 * (signalWithStart), and running enrolments that listen for an event's name get it as a signal.
 * The routing index is read once for the whole batch, not once per event. One contact's events
 * go in order; different contacts side by side, `concurrency` Temporal calls at a time. Returns
 * the ids of the events routed: a contact whose event failed keeps that event and its later
 * ones unrouted, to be retried in order.
 *
 * Routing the same event twice (a consumer crashed before marking it) enters no one twice (the
 * enrolment remembers the event that entered it) and signals no run twice (a run ignores a
 * message id it has seen).
 */
export async function routeEvents(
  db: Database,
  temporal: Client,
  workspaceId: string,
  view: RoutingView,
  stored: readonly RoutableEvent[],
  options: { concurrency: number; onError(error: unknown): void },
): Promise<string[]> {
  const byContact = new Map<string, RoutableEvent[]>();
  for (const event of stored) {
    const ofContact = byContact.get(event.contactId) ?? [];
    ofContact.push(event);
    byContact.set(event.contactId, ofContact);
  }
  const runs = await listeningRuns(db, workspaceId, view, stored);
  const entered = await entriesAlreadyMade(db, workspaceId, view, stored);
  const routed: string[] = [];
  await forEachConcurrently([...byContact], options.concurrency, async ([contactId, contactEvents]) => {
    const contactRuns = runs.get(contactId) ?? [];
    for (const event of contactEvents) {
      try {
        if (!event.duplicate) await routeOne(db, temporal, workspaceId, view, contactRuns, entered, event);
        routed.push(event.id);
      } catch (error) {
        options.onError(error);
        return; // this contact's later events wait for this one
      }
    }
  });
  return routed;
}

/** The active runs of the batch's contacts that listen to any name in the batch, by contact. */
async function listeningRuns(db: Database, workspaceId: string, view: RoutingView, stored: readonly RoutableEvent[]): Promise<Map<string, ListeningRun[]>> {
  const contactIds = [...new Set(stored.filter((event) => isHeard(view, event)).map((event) => event.contactId))];
  const runs = new Map<string, ListeningRun[]>();
  if (contactIds.length === 0) return runs;
  const rows = await db
    .select({ contactId: enrolments.contactId, journeyId: enrolments.journeyId, workflowId: enrolments.workflowId, listensTo: enrolments.listensTo })
    .from(enrolments)
    .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.status, 'active'), textIn(enrolments.contactId, contactIds)));
  for (const { contactId, ...run } of rows) runs.set(contactId, [...(runs.get(contactId) ?? []), run]);
  return runs;
}

/**
 * "journey/messageId" of every entry these events already made, in an earlier attempt. Only the
 * events some live trigger matches can have entered anyone: a batch of none (orders heard only by
 * waits) costs no query.
 */
async function entriesAlreadyMade(db: Database, workspaceId: string, view: RoutingView, batch: readonly RoutableEvent[]): Promise<Set<string>> {
  const stored = batch.filter((event) => {
    const routed = routedEvent(event);
    return routed !== null && view.live.some((journey) => journey.ir.triggers.some((trigger) => triggerMatches(trigger, routed)));
  });
  if (stored.length === 0) return new Set();
  const rows = await db
    .select({ journeyId: enrolments.journeyId, messageId: enrolments.entryMessageId })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.workspaceId, workspaceId),
        textIn(enrolments.contactId, [...new Set(stored.map((event) => event.contactId))]),
        textIn(
          enrolments.entryMessageId,
          stored.map((event) => event.messageId),
        ),
      ),
    );
  return new Set(rows.map((row) => `${row.journeyId}/${row.messageId}`));
}

function isHeard(view: RoutingView, event: RoutableEvent): boolean {
  const routed = routedEvent(event);
  return routed?.type === 'track' && routed.name !== null && view.heard.has(routed.name);
}

async function routeOne(
  db: Database,
  temporal: Client,
  workspaceId: string,
  view: RoutingView,
  contactRuns: ListeningRun[],
  entered: ReadonlySet<string>,
  stored: RoutableEvent,
): Promise<void> {
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
  for (const journey of view.live) {
    const trigger = journey.ir.triggers.find((candidate) => triggerMatches(candidate, event));
    if (!trigger) continue;
    signalled.add(journey.journeyId); // signalWithStart hands the run the event: no second signal
    if (entered.has(`${journey.journeyId}/${event.messageId}`)) continue;
    await enterJourney(db, temporal, { workspaceId, contactId: event.contactId, journey, trigger, event: contactEvent });
    // The run is in the routing index now: the contact's later events in this batch must reach it too.
    const run = { journeyId: journey.journeyId, workflowId: journeyWorkflowId(workspaceId, journey.journeyId, event.contactId), listensTo: journey.ir.listensTo };
    const known = contactRuns.findIndex((candidate) => candidate.journeyId === journey.journeyId);
    if (known === -1) contactRuns.push(run);
    else contactRuns[known] = run;
  }
  if (event.type !== 'track' || !event.name || !view.heard.has(event.name)) return;
  for (const run of contactRuns) {
    if (signalled.has(run.journeyId) || !run.listensTo.includes(event.name)) continue;
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

async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * "Segment Entered" / "Segment Exited" events sent by a client (segments computed elsewhere) keep
 * segment membership for branch conditions. Those Tend stores itself for its own segments
 * (message ids "segment:…") were written with the membership already, which may have changed
 * again since: they change nothing here.
 */
async function applySegmentMembership(db: Database, workspaceId: string, event: RoutedEvent): Promise<void> {
  const segment = event.properties.segment;
  if (event.type !== 'track' || typeof segment !== 'string' || event.messageId.startsWith(tendSegmentMessagePrefix)) return;
  if (event.name === segmentEnteredEvent) {
    await db.insert(segmentMemberships).values({ workspaceId, segment, contactId: event.contactId }).onConflictDoNothing();
  } else if (event.name === segmentExitedEvent) {
    await db
      .delete(segmentMemberships)
      .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.segment, segment), eq(segmentMemberships.contactId, event.contactId)));
  }
}
