import { and, contacts, eq, events, lifetimeValues, listMemberships, rfmScores, segmentMemberships, type Database } from '@tend/db';
import { eventCountFrom, eventCountKey, eventCountQueries, matchesFilters, type Condition, type ConditionFacts } from '@tend/journey/ir';

/**
 * The facts the journey worker would fetch for a contact (apps/worker's contactFacts), read
 * plainly, with the event rules applied in JavaScript: for tests that hold a segment's SQL to
 * the journey evaluator (evaluateCondition on these facts), contact by contact.
 */
export async function evaluatorFacts(db: Database, workspaceId: string, contactId: string, condition: Condition, asOf: Date): Promise<ConditionFacts> {
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  const theirs = await db.select().from(events).where(eq(events.contactId, contactId));
  const eventCounts: Record<string, number> = {};
  for (const query of eventCountQueries(condition)) {
    const from = eventCountFrom(query, asOf.getTime()) ?? -Infinity;
    eventCounts[eventCountKey(query)] = theirs.filter(
      (event) => seenAs(event, query.event) && event.occurredAt.getTime() >= from && matchesFilters(event.properties, query.filters),
    ).length;
  }
  const segments = await db
    .select()
    .from(segmentMemberships)
    .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.contactId, contactId)));
  const lists = await db
    .select()
    .from(listMemberships)
    .where(and(eq(listMemberships.workspaceId, workspaceId), eq(listMemberships.contactId, contactId)));
  const [rfm] = await db
    .select()
    .from(rfmScores)
    .where(and(eq(rfmScores.workspaceId, workspaceId), eq(rfmScores.contactId, contactId)));
  const [predicted] = await db
    .select()
    .from(lifetimeValues)
    .where(and(eq(lifetimeValues.workspaceId, workspaceId), eq(lifetimeValues.contactId, contactId)));
  return {
    profile: { ...(contact?.traits ?? {}), email: contact?.email ?? null, userId: contact?.userId ?? null, id: contactId },
    eventCounts,
    segments: segments.map((row) => row.segment),
    engagement: {},
    lists: lists.map((row) => row.listId),
    rfmGroup: rfm?.group ?? null,
    predicted: predicted ? { probabilityAlive: predicted.probabilityAlive, expectedPurchases: predicted.expectedPurchases, expectedSpend: predicted.expectedSpend } : null,
  };
}

/** Routing's rule for what journeys see as the event `name`: track events of that name, page and screen calls as "Page Viewed" / "Screen Viewed". */
function seenAs(event: { type: string; name: string | null }, name: string): boolean {
  return (event.type === 'track' && event.name === name) || (name === 'Page Viewed' && event.type === 'page') || (name === 'Screen Viewed' && event.type === 'screen');
}
