// Every check on the whole UCI Online Retail log (541,909 lines) — the importer's figures, RFM and
// predicted value, segments — on one import of it: an import takes tens of seconds, and the checks
// only read what it stored. The blocks run in this order, each after what the ones before wrote:
// the import's counts first, the segments last (a recompute stores Segment Entered events).
import { and, contacts, eq, events, lifetimeValues, rfmScores, sql, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, openTestDatabase, seedWorkspace, type TestDatabaseKind } from '@tend/db/testing';
import { evaluateCondition, eventCountFrom, eventCountKey, eventCountQueries, matchesFilters, type Condition, type ConditionFacts } from '@tend/journey/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnlineRetail, type OnlineRetailImportResult } from './import/run-import.js';
import { fitLifetimeValues, type FitLifetimeValuesResult } from './lifetime-value/stored-lifetime-values.js';
import { computeRfm } from './rfm/compute-rfm.js';
import { rfmBaselineQuery } from './rfm/rfm-baseline.js';
import { readRfmSettings, saveRfmSettings } from './rfm/rfm-settings.js';
import type { RfmSummary } from './rfm/rfm-summary.js';
import { previewSegment } from './segments/preview.js';
import { recomputeSegment } from './segments/recompute.js';
import { segmentSql } from './segments/segment-sql.js';
import { createSegment } from './segments/segment-store.js';
import { onlineRetailDataSet } from './testing/data-sets.js';

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

interface ImportedLog {
  handle: DatabaseHandle;
  workspaceId: string;
  result: OnlineRetailImportResult;
}

/** Imports the whole log into a fresh database of this kind before the enclosing block's tests, and closes it after them. */
function importedLog(kind: TestDatabaseKind): () => ImportedLog {
  let handle: DatabaseHandle | undefined;
  let imported: ImportedLog | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const workspaceId = await seedWorkspace(handle.db);
    const started = performance.now();
    const result = await importOnlineRetail(handle.db, { workspaceId, input: dataSet! });
    const seconds = (performance.now() - started) / 1000;
    console.log(`online retail (${kind}): ${result.lines} lines in ${seconds.toFixed(1)} s, ${Math.round(result.lines / seconds)} lines/s`);
    imported = { handle, workspaceId, result };
  });
  afterAll(() => handle?.close());
  return () => imported!;
}

describe.runIf(dataSet !== null)('the Online Retail log, imported once into PGlite', () => {
  const log = importedLog('pglite');

  describe('importing the whole Online Retail data set', () => {
    it('reports the figures the data set README gives', () => {
      expect(log().result).toMatchObject({
        lines: 541_909,
        cancellationLines: 9_288,
        linesWithoutCustomer: 135_080,
        customersWithValidPurchase: 4_338,
        validInvoices: 18_532,
        malformedLines: 0,
      });
    });

    it('stores one Order Completed per valid invoice, on one contact per customer', async () => {
      const { handle, result } = log();
      const [counts] = await handle.db
        .select({
          completed: sql<number>`count(*) filter (where ${events.name} = 'Order Completed')::int`,
          refunded: sql<number>`count(*) filter (where ${events.name} = 'Order Refunded')::int`,
          buyers: sql<number>`count(distinct ${events.contactId}) filter (where ${events.name} = 'Order Completed')::int`,
        })
        .from(events);
      expect(counts).toEqual({ completed: 18_532, refunded: result.refundInvoices, buyers: 4_338 });
      expect(result.eventsWritten).toBe(18_532 + result.refundInvoices);
      const [{ customers }] = (await handle.db.select({ customers: sql<number>`count(*)::int` }).from(contacts)) as [{ customers: number }];
      // Customers who only ever cancelled have a contact too: their refunds are theirs.
      expect(customers).toBeGreaterThanOrEqual(4_338);
    });

    it('adds nothing when the file is imported again', async () => {
      const { handle, workspaceId, result } = log();
      const [before] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(events);
      const started = performance.now();
      const again = await importOnlineRetail(handle.db, { workspaceId, input: dataSet! });
      console.log(`online retail again: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const [after] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(events);
      expect(again).toMatchObject({ importId: result.importId, validInvoices: 18_532, eventsWritten: 0 });
      expect(after).toEqual(before);
    });
  });

  describe('RFM and predicted value on the Online Retail log', () => {
    async function timedRfm(): Promise<RfmSummary> {
      const { handle, workspaceId } = log();
      const started = performance.now();
      const summary = await computeRfm(handle.db, workspaceId, { asOf });
      console.log(`RFM of ${summary.contacts} contacts (window ${(await readRfmSettings(handle.db, workspaceId)).windowDays} days) in ${Math.round(performance.now() - started)} ms`);
      return summary;
    }

    it('scores every customer with a purchase in the last 365 days, in the eleven groups', async () => {
      const summary = await timedRfm();
      // 4,338 customers bought, but 74 of them only from 1 to 9 December 2010: more than 365 days before.
      expect(summary.contacts).toBe(4_264);
      console.table(summary.groups.map(({ name, contacts, revenue, revenueShare }) => ({ name, contacts, revenue: Math.round(revenue), share: `${(revenueShare * 100).toFixed(1)}%` })));
      expect(summary.groups.reduce((total, group) => total + group.contacts, 0)).toBe(4_264);
      expect(summary.groups.every(({ contacts }) => contacts > 0)).toBe(true);
      // Champions, a fifth or less of the customers, bring the largest share of the money.
      const champions = summary.groups.find(({ name }) => name === 'Champions')!;
      expect(Math.max(...summary.groups.map(({ revenueShare }) => revenueShare))).toBe(champions.revenueShare);
    });

    it('scores all 4,338 buyers over a window that reaches the first invoice', async () => {
      const { handle, workspaceId } = log();
      await saveRfmSettings(handle.db, workspaceId, { windowDays: 400 });
      try {
        expect((await timedRfm()).contacts).toBe(4_338);
      } finally {
        await saveRfmSettings(handle.db, workspaceId, { windowDays: 365 });
      }
    });

    it('stores the same scores as the plain baseline query', async () => {
      const { handle, workspaceId } = log();
      await computeRfm(handle.db, workspaceId, { asOf });
      const started = performance.now();
      const { rows } = (await handle.db.execute(rfmBaselineQuery(workspaceId, await readRfmSettings(handle.db, workspaceId), asOf))) as unknown as {
        rows: { contact_id: string; recency_days: number; frequency: number; monetary: number; r: number; f: number; m: number }[];
      };
      console.log(`baseline query: ${rows.length} rows in ${Math.round(performance.now() - started)} ms`);
      const stored = await handle.db.select().from(rfmScores).where(eq(rfmScores.workspaceId, workspaceId));
      const key = (row: { contactId: string; recencyDays: number; frequency: number; monetary: number; r: number; f: number; m: number }) =>
        [row.contactId, row.recencyDays, row.frequency, row.monetary, row.r, row.f, row.m].join('|');
      const fromBaseline = rows.map((row) => key({ contactId: row.contact_id, recencyDays: row.recency_days, frequency: row.frequency, monetary: row.monetary, r: row.r, f: row.f, m: row.m }));
      expect(stored.map(key).sort()).toEqual(fromBaseline.sort());
    });

    it('fits BG/NBD and Gamma-Gamma on every buyer and stores their 90-day predictions', async () => {
      const { handle, workspaceId } = log();
      const result: FitLifetimeValuesResult = await fitLifetimeValues(handle.db, workspaceId, { asOf });
      if (!result.fitted) throw new Error(result.reason);
      expect(result.customers).toBe(4_338);
      expect(result.params.spend).not.toBeNull();
      for (const value of [...Object.values(result.params.purchases), ...Object.values(result.params.spend!)]) expect(Number.isFinite(value)).toBe(true);

      const [totals] = (await handle.db
        .select({
          customers: sql<number>`count(*)::int`,
          outOfRange: sql<number>`count(*) filter (where not (${lifetimeValues.probabilityAlive} between 0 and 1))::int`,
          notFinite: sql<number>`count(*) filter (where ${lifetimeValues.expectedPurchases} in ('NaN', 'Infinity') or ${lifetimeValues.expectedSpend} in ('NaN', 'Infinity'))::int`,
          purchases: sql<number>`sum(${lifetimeValues.expectedPurchases})::float8`,
          spend: sql<number>`sum(${lifetimeValues.expectedSpend})::float8`,
          meanAlive: sql<number>`avg(${lifetimeValues.probabilityAlive})::float8`,
        })
        .from(lifetimeValues)
        .where(eq(lifetimeValues.workspaceId, workspaceId))) as [{ customers: number; outOfRange: number; notFinite: number; purchases: number; spend: number; meanAlive: number }];
      console.log('lifetime value fit', JSON.stringify({ ...result.params, fitMs: Math.round(result.fitMs) }), 'predictions', JSON.stringify(totals));
      expect(totals).toMatchObject({ customers: 4_338, outOfRange: 0, notFinite: 0 });
      expect(totals.purchases).toBeGreaterThan(0);
      expect(totals.spend).toBeGreaterThan(0);
    });
  });

  segmentsOnTheLog('pglite', log);
});

// The segment compiler's SQL on a Postgres server too (CI): its own import, the server being another database.
describe.runIf(dataSet !== null && availableTestDatabases().includes('postgres'))('the Online Retail log, imported once into the Postgres server', () => {
  segmentsOnTheLog('postgres', importedLog('postgres'));
});

function segmentsOnTheLog(kind: TestDatabaseKind, log: () => ImportedLog) {
  describe(`segments on the Online Retail log (${kind})`, () => {
    /** Members by the journey evaluator, its facts computed in JavaScript from every order at once. */
    async function membersByEvaluator(condition: Condition): Promise<Set<string>> {
      const { handle, workspaceId } = log();
      const db = handle.db;
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
      const { handle, workspaceId } = log();
      const db = handle.db;
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
      const { handle, workspaceId } = log();
      for (const condition of [frequentBigSpenders, quietSinceSeptember]) {
        const rows = await handle.db
          .select({ id: contacts.id })
          .from(contacts)
          .where(and(eq(contacts.workspaceId, workspaceId), segmentSql(condition, { workspaceId, asOf })));
        const bySql = new Set(rows.map((row) => row.id));
        expect(bySql).toEqual(await membersByEvaluator(condition));
        if (condition === quietSinceSeptember) console.log(`online retail (${kind}): ${bySql.size} customers bought before 2011-09-01 but not since`);
      }
    });
  });
}
