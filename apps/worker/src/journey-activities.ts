import { and, contacts, enrolments, eq, events, gte, messages, nodeVisits, segmentMemberships, sql, type Database } from '@tend/db';
import { storedAsEvent } from '@tend/routing';
import {
  evaluateCondition,
  eventCountKey,
  eventCountQueries,
  isValidTimeZone,
  matchesFilters,
  type ConditionFacts,
  type JourneyActivities,
} from '@tend/journey/ir';

/** Most events of one name a branch condition looks at, so one contact cannot stall a worker. */
const eventScanLimit = 10_000;

/**
 * The interpreter's bookkeeping and look-ups: branch facts, the contact's zone, the routing
 * index (enrolments) and the visit log. Everything here is idempotent: a retried call changes nothing twice.
 */
export function createJourneyActivities(db: Database): Omit<JourneyActivities, 'runAction'> {
  return {
    async evaluateBranch({ workspaceId, contactId, journeyId, conditions }) {
      const facts = await contactFacts(db, workspaceId, contactId, journeyId, conditions.flatMap(eventCountQueries));
      return conditions.findIndex((condition) => evaluateCondition(condition, facts));
    },

    async contactTimeZone({ contactId }) {
      const [contact] = await db.select({ traits: contacts.traits }).from(contacts).where(eq(contacts.id, contactId));
      const zone = contact?.traits.timezone;
      return typeof zone === 'string' && isValidTimeZone(zone) ? zone : null;
    },

    async recordVisits(visits) {
      if (visits.length === 0) return;
      await db.insert(nodeVisits).values(visits.map((visit) => ({ ...visit, at: new Date(visit.at) })));
    },

    async beginEnrolment({ workspaceId, journeyId, contactId, runKey, workflowId, version, listensTo, enteredAt }) {
      const row = { workspaceId, journeyId, contactId, runKey, workflowId, version, listensTo, status: 'active' as const, enteredAt: new Date(enteredAt), endedAt: null };
      await db
        .insert(enrolments)
        .values(row)
        .onConflictDoUpdate({ target: [enrolments.workspaceId, enrolments.journeyId, enrolments.contactId], set: row });
    },

    async endEnrolment({ workspaceId, journeyId, contactId, runKey, end }) {
      await db
        .update(enrolments)
        .set({ status: end, endedAt: new Date() })
        .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.journeyId, journeyId), eq(enrolments.contactId, contactId), eq(enrolments.runKey, runKey)));
    },
  };
}

/** What conditions are evaluated against: the profile, event counts, segments and engagement. */
export async function contactFacts(
  db: Database,
  workspaceId: string,
  contactId: string,
  journeyId: string,
  counts: ReturnType<typeof eventCountQueries>,
): Promise<ConditionFacts> {
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  const profile = { ...(contact?.traits ?? {}), email: contact?.email ?? null, userId: contact?.userId ?? null, id: contactId };
  const eventCounts: Record<string, number> = {};
  for (const query of counts) {
    const since = new Date(Date.now() - query.withinDays * 86_400_000);
    const rows = await db
      .select({ properties: events.properties })
      .from(events)
      .where(and(eq(events.contactId, contactId), storedAsEvent(query.event), gte(events.occurredAt, since)))
      .limit(eventScanLimit);
    eventCounts[eventCountKey(query)] = rows.filter((row) => matchesFilters(row.properties, query.filters)).length;
  }
  const memberships = await db
    .select({ segment: segmentMemberships.segment })
    .from(segmentMemberships)
    .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.contactId, contactId)));
  const sent = await db
    .select({ nodeId: messages.nodeId, opened: sql<boolean>`${messages.openedAt} is not null`, clicked: sql<boolean>`${messages.clickedAt} is not null` })
    .from(messages)
    .where(and(eq(messages.contactId, contactId), eq(messages.journeyId, journeyId)));
  const engagement: ConditionFacts['engagement'] = {};
  for (const row of sent) {
    if (!row.nodeId) continue;
    const seen = engagement[row.nodeId] ?? { opened: false, clicked: false };
    engagement[row.nodeId] = { opened: seen.opened || row.opened, clicked: seen.clicked || row.clicked };
  }
  return { profile, eventCounts, segments: memberships.map((m) => m.segment), engagement };
}
