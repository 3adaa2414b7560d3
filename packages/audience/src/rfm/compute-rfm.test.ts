import { events, newId, rfmScores, eq, type Database, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, insertContact, openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeRfm } from './compute-rfm.js';
import { rfmBaselineQuery } from './rfm-baseline.js';
import { readRfmSettings, saveRfmSettings } from './rfm-settings.js';
import { readRfmSummary } from './rfm-summary.js';

const asOf = new Date('2024-06-01T00:00:00Z');
const DAY_MS = 86_400_000;
const daysBefore = (days: number) => new Date(asOf.getTime() - days * DAY_MS);

/** Each contact's purchases as [days before asOf, revenue]. */
const shop: Record<string, [number, unknown][]> = {
  c1: [[300, 10]],
  c2: [[200, 10]],
  // 23 hours ago: 0 whole days.
  c3: [[23 / 24, 5]],
  // Last bought 50.2 and 50.9 days ago: both 50 days, a tie; and 40 each, another.
  c4: [[100, 20], [50.2, 20]],
  c5: [[90, 30], [50.9, 10]],
  // 0.1 + 0.2 + 0.3 in two orders: 0.6 both ways (in floating point one of them is 0.6000000000000001).
  c6: [[40, 0.1], [30, 0.2], [20, 0.3]],
  // A revenue given as a string is not money.
  c7: [[60, 0.3], [45, 0.2], [30, 0.1], [10, '12.5']],
  c8: [[80, 50], [70, 50], [60, 50], [5, 50]],
  c9: [[4, 100], [3, 100], [2, 100], [1.5, 100], [1.2, 100]],
  // The purchase 400 days ago is outside the 365-day window.
  c10: [[400, 1000], [9, 10], [8, 10], [7, 10], [6, 10], [5, 10], [4, 10], [3, 10], [2, 10]],
  // Bought only outside the window: not scored.
  c11: [[366, 10]],
};

/**
 * By hand, n = 10: a value's score is the fifth the middle of its tie falls in,
 * 1 + ⌊5 (worse + tied / 2) / 10⌋ = 1 + ⌊(2 (rank − 1) + tied) / 4⌋:
 * recency (worst first): c1 300 (rank 1) → 1, c2 200 (2) → 1, c4 c5 50 (3, tied 2) → 2, c6 20 (5) → 3, c7 10 (6) → 3,
 *   c8 5 (7) → 4, c10 2 (8) → 4, c9 1 (9) → 5, c3 0 (10) → 5;
 * frequency: c1 c2 c3 1 (rank 1, tied 3) → 1, c4 c5 2 (4, tied 2) → 3, c6 3 (6) → 3, c7 c8 4 (7, tied 2) → 4, c9 5 (9) → 5, c10 8 (10) → 5;
 * monetary: c6 c7 0.6 (rank 1, tied 2) → 1, c3 5 (3) → 2, c1 c2 10 (4, tied 2) → 3, c4 c5 40 (6, tied 2) → 4, c10 80 (8) → 4,
 *   c8 200 (9) → 5, c9 500 (10) → 5.
 */
const expected = {
  c1: { recencyDays: 300, frequency: 1, monetary: 10, r: 1, f: 1, m: 3, group: 'Lost' },
  c2: { recencyDays: 200, frequency: 1, monetary: 10, r: 1, f: 1, m: 3, group: 'Lost' },
  c3: { recencyDays: 0, frequency: 1, monetary: 5, r: 5, f: 1, m: 2, group: 'New' },
  c4: { recencyDays: 50, frequency: 2, monetary: 40, r: 2, f: 3, m: 4, group: 'At risk' },
  c5: { recencyDays: 50, frequency: 2, monetary: 40, r: 2, f: 3, m: 4, group: 'At risk' },
  c6: { recencyDays: 20, frequency: 3, monetary: 0.6, r: 3, f: 3, m: 1, group: 'Need attention' },
  c7: { recencyDays: 10, frequency: 4, monetary: 0.6, r: 3, f: 4, m: 1, group: 'Loyal' },
  c8: { recencyDays: 5, frequency: 4, monetary: 200, r: 4, f: 4, m: 5, group: 'Loyal' },
  c9: { recencyDays: 1, frequency: 5, monetary: 500, r: 5, f: 5, m: 5, group: 'Champions' },
  c10: { recencyDays: 2, frequency: 8, monetary: 80, r: 4, f: 5, m: 4, group: 'Loyal' },
};

let workspaces = 0;

async function seedShop(db: Database): Promise<string> {
  const workspaceId = await seedWorkspace(db, { id: `rfm${++workspaces}` });
  const track = (contactId: string, name: string, occurredAt: Date, properties: Record<string, unknown> = {}, type: 'track' | 'page' = 'track') => ({
    id: newId('ev'),
    workspaceId,
    messageId: newId('msg'),
    type,
    name: type === 'track' ? name : null,
    contactId: `${workspaceId}-${contactId}`,
    properties,
    occurredAt,
  });
  for (const contact of [...Object.keys(shop), 'browser']) await insertContact(db, { id: `${workspaceId}-${contact}`, workspaceId });
  await db.insert(events).values([
    ...Object.entries(shop).flatMap(([contact, purchases]) =>
      purchases.map(([days, revenue]) => track(contact, 'Order Completed', daysBefore(days), { order_id: newId('o'), revenue, currency: 'GBP' })),
    ),
    // None of these is a purchase in the window.
    track('c1', 'Order Completed', new Date(asOf.getTime() + 1000), { revenue: 99 }),
    track('c3', 'Order Refunded', daysBefore(1), { total: 5 }),
    track('browser', 'Page Viewed', daysBefore(1), { path: '/' }, 'page'),
    track('browser', 'Order Completed', daysBefore(1), {}, 'page'),
  ]);
  return workspaceId;
}

/** The scores as they read best in a failure: by the contact's short name. */
async function storedScores(db: Database, workspaceId: string) {
  const rows = await db.select().from(rfmScores).where(eq(rfmScores.workspaceId, workspaceId));
  return Object.fromEntries(
    rows
      .map(({ contactId, recencyDays, frequency, monetary, r, f, m, group }) => [contactId.slice(workspaceId.length + 1), { recencyDays, frequency, monetary, r, f, m, group }] as const)
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
  );
}

describe.each(availableTestDatabases())('computeRfm on %s', (kind) => {
  let handle: DatabaseHandle;
  let db: Database;
  let workspaceId: string;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    workspaceId = await seedShop(db);
  });

  it('scores quintiles with ties sharing a score, and names the groups from R and F', async () => {
    const summary = await computeRfm(db, workspaceId, { asOf });
    expect(await storedScores(db, workspaceId)).toEqual(expected);
    expect(summary.contacts).toBe(10);
    expect(summary.computedAt).toEqual(asOf);
  });

  it('sums up groups and grid cells for the console', async () => {
    const summary = await computeRfm(db, workspaceId, { asOf });
    const total = 10 + 10 + 5 + 40 + 40 + 0.6 + 0.6 + 200 + 500 + 80;
    expect(summary.revenue).toBeCloseTo(total, 9);
    expect(summary.groups.map(({ name, contacts }) => [name, contacts])).toEqual([
      ['Champions', 1],
      ['Loyal', 3],
      ['Potential loyalists', 0],
      ['New', 1],
      ['Promising', 0],
      ['Need attention', 1],
      ['About to sleep', 0],
      ['At risk', 2],
      ["Can't lose them", 0],
      ['Hibernating', 0],
      ['Lost', 2],
    ]);
    const loyal = summary.groups.find(({ name }) => name === 'Loyal')!;
    expect(loyal.revenue).toBeCloseTo(280.6, 9);
    expect(loyal.revenueShare).toBeCloseTo(280.6 / total, 12);
    expect(summary.grid).toHaveLength(25);
    expect(summary.grid[0]).toMatchObject({ r: 5, f: 1, group: 'New', contacts: 1, monetary: 5 });
    expect(summary.grid.find(({ r, f }) => r === 1 && f === 1)).toEqual({ r: 1, f: 1, group: 'Lost', contacts: 2, monetary: 20 });
    expect(summary.grid.reduce((sum, cell) => sum + cell.contacts, 0)).toBe(10);
    expect(await readRfmSummary(db, workspaceId)).toEqual(summary);
  });

  it('replaces the workspace scores: a contact who no longer bought in the window is removed', async () => {
    // A year earlier, c11's purchase was in the window and c3's was in the future.
    await computeRfm(db, workspaceId, { asOf: new Date(asOf.getTime() - 30 * DAY_MS) });
    expect(Object.keys(await storedScores(db, workspaceId))).toContain('c11');
    await computeRfm(db, workspaceId, { asOf });
    expect(await storedScores(db, workspaceId)).toEqual(expected);
  });

  it('follows the settings: window, event and money property', async () => {
    await saveRfmSettings(db, workspaceId, { windowDays: 30, moneyProperty: 'total', event: 'Order Refunded' });
    await computeRfm(db, workspaceId, { asOf });
    // One customer ties with themself on everything: the middle score, not the worst.
    expect(await storedScores(db, workspaceId)).toEqual({ c3: { recencyDays: 1, frequency: 1, monetary: 5, r: 3, f: 3, m: 3, group: 'Need attention' } });

    await saveRfmSettings(db, workspaceId, { event: 'Page Viewed' });
    await computeRfm(db, workspaceId, { asOf });
    expect(await storedScores(db, workspaceId)).toEqual({ browser: { recencyDays: 1, frequency: 2, monetary: 0, r: 3, f: 3, m: 3, group: 'Need attention' } });
  });

  it('leaves nothing, and an empty grid, in a workspace without purchases', async () => {
    await db.delete(events).where(eq(events.workspaceId, workspaceId));
    const summary = await computeRfm(db, workspaceId, { asOf });
    expect(summary.contacts).toBe(0);
    expect(summary.groups.every(({ contacts, revenueShare }) => contacts === 0 && revenueShare === 0)).toBe(true);
    expect(summary.grid.every(({ contacts }) => contacts === 0)).toBe(true);
  });

  it('agrees with the plain baseline query', async () => {
    await computeRfm(db, workspaceId, { asOf });
    const { rows } = (await db.execute(rfmBaselineQuery(workspaceId, await readRfmSettings(db, workspaceId), asOf))) as unknown as {
      rows: { contact_id: string; recency_days: number; frequency: number; monetary: number; r: number; f: number; m: number }[];
    };
    const baseline = Object.fromEntries(rows.map((row) => [row.contact_id.slice(workspaceId.length + 1), { recencyDays: row.recency_days, frequency: row.frequency, monetary: row.monetary, r: row.r, f: row.f, m: row.m }]));
    const stored = Object.fromEntries(Object.entries(await storedScores(db, workspaceId)).map(([contact, { group: _group, ...scores }]) => [contact, scores]));
    expect(baseline).toEqual(stored);
  });

  it('scores only the workspace it is asked for', async () => {
    const other = await seedShop(db);
    await computeRfm(db, other, { asOf });
    expect(Object.keys(await storedScores(db, workspaceId))).toEqual([]);
    expect(Object.keys(await storedScores(db, other))).toHaveLength(10);
  });
});
