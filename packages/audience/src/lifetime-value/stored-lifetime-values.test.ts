import { eq, events, lifetimeValueModels, lifetimeValues, newId, type Database, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, insertContact, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { summarisePurchases } from './customer-summary.js';
import { fitLifetimeValues } from './stored-lifetime-values.js';
import { readPurchaseSummaries } from './stored-purchase-summaries.js';

const DAY_MS = 86_400_000;
const start = Date.UTC(2023, 0, 1);
const asOf = new Date(Date.UTC(2023, 11, 31, 12));

/** A small seeded generator (mulberry32), so the simulated shop is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SimulatedPurchase {
  contact: string;
  at: Date;
  revenue: number;
}

/**
 * 250 customers over 2023, bought as BG/NBD has it: each buys at their own rate (mean one
 * purchase in 30 days) until, after some purchase, they stop for good; each has their own
 * typical basket. Some buy twice on one day.
 */
function simulateShop(): SimulatedPurchase[] {
  const next = random(11);
  const purchases: SimulatedPurchase[] = [];
  for (let c = 0; c < 250; c++) {
    const rate = -Math.log(1 - next()) / 30;
    const dropOut = next() * 0.6;
    const basket = 10 + next() * 90;
    let at = start + next() * 330 * DAY_MS;
    while (at < asOf.getTime()) {
      purchases.push({ contact: `c${c}`, at: new Date(at), revenue: Math.round(basket * (0.5 + next()) * 100) / 100 });
      if (next() < dropOut) break;
      at += next() < 0.1 ? 60_000 : (-Math.log(1 - next()) / rate) * DAY_MS;
    }
  }
  return purchases;
}

let workspaces = 0;

async function seedPurchases(db: Database, purchases: SimulatedPurchase[], extra: (typeof events.$inferInsert)[] = []): Promise<string> {
  const workspaceId = await seedWorkspace(db, { id: `ltv${++workspaces}` });
  for (const contact of new Set(purchases.map(({ contact }) => contact))) await insertContact(db, { id: `${workspaceId}-${contact}`, workspaceId });
  const rows = purchases.map(({ contact, at, revenue }) => ({
    id: newId('ev'),
    workspaceId,
    messageId: newId('msg'),
    type: 'track' as const,
    name: 'Order Completed',
    contactId: `${workspaceId}-${contact}`,
    properties: { order_id: newId('o'), revenue, currency: 'GBP' },
    occurredAt: at,
  }));
  await db.insert(events).values([...rows, ...extra.map((row) => ({ ...row, workspaceId, contactId: `${workspaceId}-${row.contactId}` }))]);
  return workspaceId;
}

async function storedPredictions(db: Database, workspaceId: string) {
  return db.select().from(lifetimeValues).where(eq(lifetimeValues.workspaceId, workspaceId));
}

describe.each(availableTestDatabases())('stored lifetime values on %s', (kind) => {
  const shop = simulateShop();
  let handle: DatabaseHandle;
  let db: Database;
  let workspaceId: string;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    workspaceId = await seedPurchases(db, shop);
  });

  it('summarises each customer in SQL as summarisePurchases does from their events', async () => {
    const edge = (contactId: string, occurredAt: Date, properties: Record<string, unknown>) => ({
      id: newId('ev'),
      workspaceId: '',
      messageId: newId('msg'),
      type: 'track' as const,
      name: 'Order Completed',
      contactId,
      properties,
      occurredAt,
    });
    const later = await seedPurchases(
      db,
      [
        { contact: 'edge', at: new Date(Date.UTC(2023, 5, 1, 9)), revenue: 10 },
        { contact: 'edge', at: new Date(Date.UTC(2023, 5, 1, 23, 59)), revenue: 5 },
        { contact: 'edge', at: new Date(Date.UTC(2023, 11, 31, 23)), revenue: 7 },
      ],
      [
        // Not a number: a purchase day worth 0. After asOf's day: left out.
        edge('edge', new Date(Date.UTC(2023, 6, 1)), { revenue: 'lots' }),
        edge('edge', new Date(Date.UTC(2024, 0, 1)), { revenue: 1000 }),
      ],
    );
    const [edgeSummary] = await readPurchaseSummaries(db, later, { asOf, event: 'Order Completed', moneyProperty: 'revenue' });
    // Days: 1 June (15), 1 July (0), 31 December (7, later that day than asOf but on its day).
    expect(edgeSummary).toEqual({ contactId: `${later}-edge`, frequency: 2, recency: 213, age: 213, monetary: 3.5 });

    const fromSql = await readPurchaseSummaries(db, workspaceId, { asOf, event: 'Order Completed', moneyProperty: 'revenue' });
    const byContact = new Map<string, SimulatedPurchase[]>();
    for (const purchase of shop) byContact.set(`${workspaceId}-${purchase.contact}`, [...(byContact.get(`${workspaceId}-${purchase.contact}`) ?? []), purchase]);
    expect(fromSql).toHaveLength(byContact.size);
    for (const { contactId, ...summary } of fromSql) {
      const expected = summarisePurchases(byContact.get(contactId)!.map(({ at, revenue }) => ({ at, amount: revenue })), asOf)!;
      expect(summary, contactId).toEqual({ ...expected, monetary: expect.closeTo(expected.monetary, 9) });
    }
  });

  it('fits the models and stores every customer’s prediction', async () => {
    const result = await fitLifetimeValues(db, workspaceId, { asOf });
    if (!result.fitted) throw new Error(result.reason);
    const customers = new Set(shop.map(({ contact }) => contact)).size;
    expect(result.customers).toBe(customers);
    expect(result.params.spend).not.toBeNull();
    for (const value of [...Object.values(result.params.purchases), ...Object.values(result.params.spend!)]) expect(Number.isFinite(value)).toBe(true);

    const predictions = await storedPredictions(db, workspaceId);
    expect(predictions).toHaveLength(customers);
    for (const { probabilityAlive, expectedPurchases, expectedSpend, computedAt } of predictions) {
      expect(probabilityAlive).toBeGreaterThanOrEqual(0);
      expect(probabilityAlive).toBeLessThanOrEqual(1);
      expect(expectedPurchases).toBeGreaterThanOrEqual(0);
      expect(expectedSpend).toBeGreaterThanOrEqual(0);
      expect(computedAt).toEqual(asOf);
    }
    const [model] = await db.select().from(lifetimeValueModels).where(eq(lifetimeValueModels.workspaceId, workspaceId));
    expect(model).toMatchObject({ purchases: result.params.purchases, spend: result.params.spend, customers, horizonDays: 90, fittedAt: asOf });
  });

  it('predicts more for a longer horizon', async () => {
    await fitLifetimeValues(db, workspaceId, { asOf, horizonDays: 30 });
    const month = new Map((await storedPredictions(db, workspaceId)).map((row) => [row.contactId, row.expectedPurchases]));
    await fitLifetimeValues(db, workspaceId, { asOf, horizonDays: 365 });
    for (const { contactId, expectedPurchases } of await storedPredictions(db, workspaceId)) expect(expectedPurchases).toBeGreaterThan(month.get(contactId)!);
  });

  it('replaces the predictions: a contact without purchases any more has none', async () => {
    await fitLifetimeValues(db, workspaceId, { asOf });
    await db.delete(events).where(eq(events.contactId, `${workspaceId}-c0`));
    const result = await fitLifetimeValues(db, workspaceId, { asOf });
    const predicted = (await storedPredictions(db, workspaceId)).map(({ contactId }) => contactId);
    expect(predicted).toHaveLength(result.customers);
    expect(predicted).not.toContain(`${workspaceId}-c0`);
  });

  it('stores nothing and says why when nobody bought twice, keeping the previous fit', async () => {
    await fitLifetimeValues(db, workspaceId, { asOf });
    const before = await storedPredictions(db, workspaceId);
    // On the shop's first day nobody had come back yet.
    const firstDay = new Date(Math.min(...shop.map(({ at }) => at.getTime())));
    const result = await fitLifetimeValues(db, workspaceId, { asOf: firstDay });
    expect(result).toEqual({ fitted: false, customers: expect.any(Number), reason: expect.stringContaining('two different days') });
    expect(await storedPredictions(db, workspaceId)).toEqual(before);
  });

  it('stores nothing and says why without any purchase', async () => {
    const result = await fitLifetimeValues(db, workspaceId, { asOf, event: 'Subscription Started' });
    expect(result).toEqual({ fitted: false, customers: 0, reason: expect.stringContaining('no contact has a "Subscription Started" event') });
    expect(await storedPredictions(db, workspaceId)).toEqual([]);
  });
});
