import { and, contacts, enrolments, eq, events, gte, lifetimeValues, listMemberships, messages, nodeVisits, rfmScores, segmentMemberships, sql, type Database } from '@tend/db';
import { storedAsEvent } from '@tend/routing';
import { Context } from '@temporalio/activity';
import {
  conditionEvidence,
  conditionKindsUsed,
  evaluateCondition,
  eventCountFrom,
  eventCountKey,
  eventCountQueries,
  isValidTimeZone,
  matchesFilters,
  type Condition,
  type ConditionFacts,
  type JourneyActivities,
  type RunPosition,
  type VisitRecord,
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
      const facts = await contactFacts(db, workspaceId, contactId, journeyId, conditions);
      const index = conditions.findIndex((condition) => evaluateCondition(condition, facts));
      // What each case checked looked at, for the contact's trail ("plan was pro").
      const seen = (index === -1 ? conditions : conditions.slice(0, index + 1)).map((condition) => conditionEvidence(condition, facts));
      return { index, seen };
    },

    async contactTimeZone({ contactId }) {
      const [contact] = await db.select({ traits: contacts.traits }).from(contacts).where(eq(contacts.id, contactId));
      const zone = contact?.traits.timezone;
      return typeof zone === 'string' && isValidTimeZone(zone) ? zone : null;
    },

    async recordVisits(visits, position) {
      const first = visits[0];
      if (!first) return;
      if (position === undefined) {
        await db.insert(nodeVisits).values(visitRows(visits)).onConflictDoNothing(); // a run from before the position was kept
        return;
      }
      // One statement (the insert as a CTE), so atomic without a transaction: a retried call
      // must not find the visits written and the position not. A transaction would cost two
      // more round trips and, on PGlite, hold every other query of the process while it runs.
      await db
        .with(insertedVisits(db, visits))
        .update(enrolments)
        .set(where(position))
        .where(and(eq(enrolments.workspaceId, first.workspaceId), eq(enrolments.journeyId, first.journeyId), eq(enrolments.contactId, first.contactId), eq(enrolments.workflowId, first.workflowId), eq(enrolments.status, 'active')));
    },

    async beginEnrolment({ workspaceId, journeyId, contactId, runKey, workflowId, version, listensTo, enteredAt, position }) {
      const row = {
        workspaceId,
        journeyId,
        contactId,
        runKey,
        workflowId,
        version,
        listensTo,
        status: 'active' as const,
        enteredAt: new Date(enteredAt),
        endedAt: null,
        ...where(position ?? null),
      };
      await db
        .insert(enrolments)
        .values(row)
        .onConflictDoUpdate({ target: [enrolments.workspaceId, enrolments.journeyId, enrolments.contactId], set: row });
    },

    async endEnrolment({ workspaceId, journeyId, contactId, runKey, end, visits = [] }) {
      // The last visits and the end in one statement, atomic for the same reason as recordVisits'.
      await (visits.length > 0 ? db.with(insertedVisits(db, visits)) : db)
        .update(enrolments)
        .set({ status: end, endedAt: new Date(), currentNode: null, currentSince: null })
        .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.journeyId, journeyId), eq(enrolments.contactId, contactId), eq(enrolments.runKey, runKey)));
    },
  };
}

/**
 * Inserts visits, as a CTE to write in the same statement as the routing index. A worker that
 * died mid-task leaves the task to another, which records the same visits again: the unique
 * (workflow, run, node, visit, outcome) makes the second write add nothing.
 */
function insertedVisits(db: Database, visits: VisitRecord[]) {
  return db.$with('inserted_visits').as(db.insert(nodeVisits).values(visitRows(visits)).onConflictDoNothing().returning({ id: nodeVisits.id }));
}

function visitRows(visits: VisitRecord[]) {
  const runId = recordingRunId();
  return visits.map(({ output, detail, ...visit }) => ({ ...visit, runId, output: output ?? null, detail: detail ?? null, at: new Date(visit.at) }));
}

/** The workflow execution this activity works for; null when called outside an activity (tests). */
function recordingRunId(): string | null {
  try {
    return Context.current().info.workflowExecution?.runId ?? null;
  } catch {
    return null;
  }
}

/** The routing index's columns for where a run is. */
function where(position: RunPosition | null): { currentNode: string | null; currentSince: Date | null } {
  return position ? { currentNode: position.nodeId, currentSince: new Date(position.since) } : { currentNode: null, currentSince: null };
}

/**
 * What `conditions` are evaluated against: the profile, and only the facts they read (event
 * counts, segments, lists, RFM group, predicted value, engagement), one query each.
 * `now` is the end of "the last N days" of event counts.
 */
export async function contactFacts(
  db: Database,
  workspaceId: string,
  contactId: string,
  journeyId: string,
  conditions: readonly Condition[],
  now: number = Date.now(),
): Promise<ConditionFacts> {
  const uses = conditionKindsUsed(conditions);
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  const profile = { ...(contact?.traits ?? {}), email: contact?.email ?? null, userId: contact?.userId ?? null, id: contactId };
  return {
    profile,
    eventCounts: await countEvents(db, contactId, conditions.flatMap(eventCountQueries), now),
    segments: uses.has('segment') ? await segmentsOf(db, workspaceId, contactId) : [],
    engagement: uses.has('engagement') ? await engagementWith(db, contactId, journeyId) : {},
    lists: uses.has('list') ? await listsOf(db, workspaceId, contactId) : [],
    rfmGroup: uses.has('rfm') ? await rfmGroupOf(db, workspaceId, contactId) : null,
    predicted: uses.has('predicted') ? await predictedValueOf(db, workspaceId, contactId) : null,
  };
}

async function countEvents(db: Database, contactId: string, counts: ReturnType<typeof eventCountQueries>, now: number): Promise<ConditionFacts['eventCounts']> {
  const eventCounts: Record<string, number> = {};
  for (const query of counts) {
    const from = eventCountFrom(query, now);
    const rows = await db
      .select({ properties: events.properties })
      .from(events)
      .where(and(eq(events.contactId, contactId), storedAsEvent(query.event), from === undefined ? undefined : gte(events.occurredAt, new Date(from))))
      .limit(eventScanLimit);
    eventCounts[eventCountKey(query)] = rows.filter((row) => matchesFilters(row.properties, query.filters)).length;
  }
  return eventCounts;
}

async function segmentsOf(db: Database, workspaceId: string, contactId: string): Promise<string[]> {
  const rows = await db
    .select({ segment: segmentMemberships.segment })
    .from(segmentMemberships)
    .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.contactId, contactId)));
  return rows.map((row) => row.segment);
}

async function listsOf(db: Database, workspaceId: string, contactId: string): Promise<string[]> {
  const rows = await db
    .select({ list: listMemberships.listId })
    .from(listMemberships)
    .where(and(eq(listMemberships.workspaceId, workspaceId), eq(listMemberships.contactId, contactId)));
  return rows.map((row) => row.list);
}

async function rfmGroupOf(db: Database, workspaceId: string, contactId: string): Promise<string | null> {
  const [row] = await db
    .select({ group: rfmScores.group })
    .from(rfmScores)
    .where(and(eq(rfmScores.workspaceId, workspaceId), eq(rfmScores.contactId, contactId)));
  return row?.group ?? null;
}

async function predictedValueOf(db: Database, workspaceId: string, contactId: string): Promise<ConditionFacts['predicted']> {
  const [row] = await db
    .select({ probabilityAlive: lifetimeValues.probabilityAlive, expectedPurchases: lifetimeValues.expectedPurchases, expectedSpend: lifetimeValues.expectedSpend })
    .from(lifetimeValues)
    .where(and(eq(lifetimeValues.workspaceId, workspaceId), eq(lifetimeValues.contactId, contactId)));
  return row ?? null;
}

/** Whether each email this journey sent the contact was opened or clicked, by the node that sent it. */
async function engagementWith(db: Database, contactId: string, journeyId: string): Promise<ConditionFacts['engagement']> {
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
  return engagement;
}
