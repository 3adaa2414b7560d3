import { enrolments, eq, events, lifetimeValues, listMemberships, lists, newId, nodeVisits, rfmScores, segmentMemberships, type Database, type DatabaseHandle } from '@tend/db';
import { insertContact, openTestDatabase, seedWorkspace, testWorkspaceId } from '@tend/db/testing';
import { evaluateCondition, type Condition } from '@tend/journey/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactFacts, createJourneyActivities } from './journey-activities.js';

const day = 86_400_000;
const now = Date.UTC(2026, 5, 30, 12);

describe('contactFacts', () => {
  let database: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    await seedWorkspace(db);
    // ada: on the newsletter, a Champion with a prediction, three orders (40, 10 and 2 days ago).
    await insertContact(db, { id: 'ada', email: 'ada@example.com', traits: { plan: 'pro' } });
    await db.insert(lists).values({ workspaceId: testWorkspaceId, id: 'newsletter', name: 'Newsletter' });
    await db.insert(listMemberships).values({ workspaceId: testWorkspaceId, listId: 'newsletter', contactId: 'ada' });
    await db.insert(segmentMemberships).values({ workspaceId: testWorkspaceId, segment: 'vip', contactId: 'ada' });
    await db
      .insert(rfmScores)
      .values({ workspaceId: testWorkspaceId, contactId: 'ada', recencyDays: 2, frequency: 3, monetary: 250, r: 5, f: 4, m: 4, group: 'Champions', computedAt: new Date(now) });
    await db
      .insert(lifetimeValues)
      .values({ workspaceId: testWorkspaceId, contactId: 'ada', probabilityAlive: 0.92, expectedPurchases: 1.4, expectedSpend: 180, computedAt: new Date(now) });
    const order = (daysAgo: number, revenue: number) => ({
      id: newId('ev'),
      workspaceId: testWorkspaceId,
      messageId: newId('msg'),
      type: 'track' as const,
      name: 'Order Completed',
      contactId: 'ada',
      properties: { revenue },
      occurredAt: new Date(now - daysAgo * day),
    });
    await db.insert(events).values([order(40, 120), order(10, 80), order(2, 300)]);
    // grace: nothing but a profile.
    await insertContact(db, { id: 'grace' });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function holds(contactId: string, condition: Condition): Promise<boolean> {
    return evaluateCondition(condition, await contactFacts(db, testWorkspaceId, contactId, 'journey', [condition], now));
  }

  it('fetches lists, the RFM group and the prediction for the conditions that read them', async () => {
    const condition: Condition = {
      kind: 'all',
      conditions: [
        { kind: 'list', list: 'newsletter', member: true },
        { kind: 'rfm', groups: ['Champions', 'Loyal'] },
        { kind: 'predicted', measure: 'expectedSpend', op: 'gt', value: 100 },
      ],
    };
    const facts = await contactFacts(db, testWorkspaceId, 'ada', 'journey', [condition], now);
    expect(facts).toMatchObject({
      lists: ['newsletter'],
      rfmGroup: 'Champions',
      predicted: { probabilityAlive: 0.92, expectedPurchases: 1.4, expectedSpend: 180 },
    });
    expect(evaluateCondition(condition, facts)).toBe(true);
  });

  it('leaves out the facts no condition reads', async () => {
    const facts = await contactFacts(db, testWorkspaceId, 'ada', 'journey', [{ kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }], now);
    expect(facts).toMatchObject({ segments: [], lists: [], rfmGroup: null, predicted: null, eventCounts: {} });
    expect(facts.profile).toMatchObject({ plan: 'pro', email: 'ada@example.com', id: 'ada' });
  });

  it('puts a contact without a score or prediction in no RFM group and no predicted range', async () => {
    expect(await holds('grace', { kind: 'rfm', groups: ['Champions', 'Lost'] })).toBe(false);
    expect(await holds('grace', { kind: 'predicted', measure: 'expectedSpend', op: 'lt', value: 1_000 })).toBe(false);
    expect(await holds('grace', { kind: 'list', list: 'newsletter', member: false })).toBe(true);
    expect(await holds('ada', { kind: 'segment', segment: 'vip', member: true })).toBe(true);
  });

  it('counts events since a date, the later bound winning over withinDays', async () => {
    const orders = (bounds: { withinDays?: number; since?: string }, atLeast: number): Condition => ({
      kind: 'event-count',
      event: 'Order Completed',
      filters: [],
      atLeast,
      ...bounds,
    });
    const twentyDaysAgo = new Date(now - 20 * day).toISOString();
    expect(await holds('ada', orders({ since: twentyDaysAgo }, 2))).toBe(true);
    expect(await holds('ada', orders({ since: twentyDaysAgo }, 3))).toBe(false);
    expect(await holds('ada', orders({ withinDays: 90, since: twentyDaysAgo }, 3))).toBe(false);
    expect(await holds('ada', orders({ withinDays: 5, since: twentyDaysAgo }, 2))).toBe(false);
    expect(await holds('ada', orders({ withinDays: 90 }, 3))).toBe(true);
    // "Did not order since" a day after the last order.
    const quietSince = new Date(now - day).toISOString();
    expect(await holds('ada', { kind: 'not', condition: orders({ since: quietSince }, 1) })).toBe(true);
  });
});

describe("a run's end", () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedWorkspace(database.db);
    await insertContact(database.db, { id: 'lin' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes the last visits and the end in one call', async () => {
    const { db } = database;
    const activities = createJourneyActivities(db);
    const key = { workspaceId: testWorkspaceId, journeyId: 'cart', contactId: 'lin', runKey: 'run-1' };
    await activities.beginEnrolment({ ...key, workflowId: 'wf-lin', version: 1, listensTo: ['Order Completed'], enteredAt: now, position: { nodeId: 'wait', since: now } });
    const exited = { ...key, version: 1, workflowId: 'wf-lin', nodeId: 'wait', visit: 1, outcome: 'exited', output: null, at: now + day };

    await activities.endEnrolment({ ...key, end: 'exited', visits: [exited] });

    const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.contactId, 'lin'));
    expect(enrolment).toMatchObject({ status: 'exited', currentNode: null, currentSince: null });
    const visits = await db.select().from(nodeVisits).where(eq(nodeVisits.contactId, 'lin'));
    expect(visits.map((visit) => [visit.nodeId, visit.outcome])).toEqual([['wait', 'exited']]);
  });
});
