import { and, contacts, eq, events, sql, type Database } from '@tend/db';
import { availableTestDatabases, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { evaluateCondition, eventCountFrom, eventCountKey, eventCountQueries, matchesFilters, type Condition, type ConditionFacts } from '@tend/journey/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnlineRetail } from '../import/run-import.js';
import { previewSegment } from './preview.js';
import { recomputeSegment } from './recompute.js';
import { segmentSql } from './segment-sql.js';
import { createSegment } from './segment-store.js';
import { onlineRetailDataSet } from '../testing/data-sets.js';

const dataSet = onlineRetailDataSet();

// The day after the last invoice (2011-12-09 12:50, London = UTC in December).
const asOf = new Date('2011-12-10T00:00:00Z');

/** "Ordered at least 5 times in the last 90 days with revenue > 100". */
const frequentBigSpenders: Condition = {
  kind: 'event-count',
  event: 'Order Completed',
  filters: [{ property: 'revenue', op: 'gt', value: 100 }],
  atLeast: 5,
  withinDays: 90,
};

/** "Bought before, but not since 1 September 2011". */
const quietSinceSeptember: Condition = {
  kind: 'all',
  conditions: [
    { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, since: '2010-01-01' },
    { kind: 'not', condition: { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, since: '2011-09-01' } },
  ],
};

describe.runIf(dataSet !== null).each(availableTestDatabases())('segments on the Online Retail log (%s)', (kind) => {
  let close: () => Promise<void>;
  let db: Database;
  let workspaceId: string;

  beforeAll(async () => {
    const handle = await openTestDatabase(kind);
    close = handle.close;
    db = handle.db;
    workspaceId = await seedWorkspace(db);
    await importOnlineRetail(db, { workspaceId, input: dataSet! });
  });
  afterAll(async () => {
    await close?.();
  });

  /** Members by the journey evaluator, its facts computed in JavaScript from every order at once. */
  async function membersByEvaluator(condition: Condition): Promise<Set<string>> {
    const everyone = await db.select({ id: contacts.id, traits: contacts.traits, email: contacts.email, userId: contacts.userId }).from(contacts).where(eq(contacts.workspaceId, workspaceId));
    const orders = await db
      .select({ contactId: events.contactId, properties: events.properties, occurredAt: events.occurredAt })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'track'), eq(events.name, 'Order Completed')));
    const ordersOf = new Map<string, typeof orders>();
    for (const order of orders) ordersOf.set(order.contactId, [...(ordersOf.get(order.contactId) ?? []), order]);
    const members = new Set<string>();
    for (const contact of everyone) {
      const eventCounts: Record<string, number> = {};
      for (const query of eventCountQueries(condition)) {
        const from = eventCountFrom(query, asOf.getTime()) ?? -Infinity;
        eventCounts[eventCountKey(query)] = (ordersOf.get(contact.id) ?? []).filter((order) => order.occurredAt.getTime() >= from && matchesFilters(order.properties, query.filters)).length;
      }
      const facts: ConditionFacts = {
        profile: { ...contact.traits, email: contact.email, userId: contact.userId, id: contact.id },
        eventCounts,
        segments: [],
        engagement: {},
        lists: [],
        rfmGroup: null,
        predicted: null,
      };
      if (evaluateCondition(condition, facts)) members.add(contact.id);
    }
    return members;
  }

  it('finds who ordered at least 5 times in the last 90 days with revenue > 100, as of 2011-12-10', async () => {
    const started = performance.now();
    const preview = await previewSegment(db, workspaceId, frequentBigSpenders, asOf);
    const previewMs = performance.now() - started;

    // The same question as one plain query, written without the segment compiler.
    const baseline = (await db.execute(sql`
      select count(*)::int as count from (
        select contact_id from events
        where workspace_id = ${workspaceId} and type = 'track' and name = 'Order Completed'
          and (properties ->> 'revenue')::numeric > 100 and occurred_at >= ${asOf.toISOString()}::timestamptz - interval '90 days'
        group by contact_id having count(*) >= 5
      ) as frequent`)) as unknown as { rows: { count: number }[] };
    expect(preview.count).toBe(baseline.rows[0]!.count);
    expect((await membersByEvaluator(frequentBigSpenders)).size).toBe(preview.count);
    expect(preview.sample).toHaveLength(20);

    await createSegment(db, workspaceId, { id: 'frequent-big-spenders', name: 'Frequent big spenders', definition: frequentBigSpenders });
    const recomputeStarted = performance.now();
    const recomputed = await recomputeSegment(db, workspaceId, 'frequent-big-spenders', asOf);
    const recomputeMs = performance.now() - recomputeStarted;
    expect(recomputed).toEqual({ segment: 'frequent-big-spenders', entered: preview.count, exited: 0, size: preview.count });
    console.log(
      `online retail (${kind}): ${preview.count} contacts ordered ≥ 5 times in the 90 days to 2011-12-10 with revenue > 100 ` +
        `(preview ${Math.round(previewMs)} ms, recompute with ${recomputed.entered} Segment Entered events ${Math.round(recomputeMs)} ms)`,
    );
  });

  it('agrees with the journey evaluator on every customer', async () => {
    for (const condition of [frequentBigSpenders, quietSinceSeptember]) {
      const rows = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), segmentSql(condition, { workspaceId, asOf })));
      const bySql = new Set(rows.map((row) => row.id));
      expect(bySql).toEqual(await membersByEvaluator(condition));
      if (condition === quietSinceSeptember) console.log(`online retail (${kind}): ${bySql.size} customers bought before 2011-09-01 but not since`);
    }
  });
});
