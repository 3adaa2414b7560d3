import { eq, lifetimeValues, rfmScores, sql, type DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnlineRetail } from '../import/run-import.js';
import { fitLifetimeValues, type FitLifetimeValuesResult } from '../lifetime-value/stored-lifetime-values.js';
import { computeRfm } from './compute-rfm.js';
import { rfmBaselineQuery } from './rfm-baseline.js';
import { readRfmSettings, saveRfmSettings } from './rfm-settings.js';
import type { RfmSummary } from './rfm-summary.js';
import { onlineRetailDataSet } from '../testing/data-sets.js';

const dataSet = onlineRetailDataSet();

// The day after the last invoice (2011-12-09 12:50, London = UTC in December).
const asOf = new Date('2011-12-10T00:00:00Z');

describe.runIf(dataSet !== null)('RFM and predicted value on the Online Retail log', () => {
  let handle: DatabaseHandle;
  let workspaceId: string;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    workspaceId = await seedWorkspace(handle.db);
    await importOnlineRetail(handle.db, { workspaceId, input: dataSet! });
  });
  afterAll(() => handle?.close());

  async function timedRfm(): Promise<RfmSummary> {
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
    await saveRfmSettings(handle.db, workspaceId, { windowDays: 400 });
    try {
      expect((await timedRfm()).contacts).toBe(4_338);
    } finally {
      await saveRfmSettings(handle.db, workspaceId, { windowDays: 365 });
    }
  });

  it('stores the same scores as the plain baseline query', async () => {
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
