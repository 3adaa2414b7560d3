import { Readable } from 'node:stream';
import { and, contacts, eq, events, imports, isNull, sql, type Database } from '@tend/db';
import { describe, expect } from 'vitest';
import { importOnlineRetail } from './run-import.js';
import { databaseTest } from '../testing/database-test.js';

const test = databaseTest();

const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

function file(lines: string[]): Readable {
  return Readable.from([Buffer.from([header, ...lines].join('\n') + '\n')]);
}

/** A log of `count` invoices of two lines each, customers 1–10 in turn. */
function log(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const invoice = 600_000 + i;
    const time = new Date(Date.UTC(2011, 0, 3, 9) + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    const customer = `${(i % 10) + 1}.0`;
    return [
      `${invoice},A${i},ITEM A,2,${time},1.25,${customer},United Kingdom`,
      `${invoice},B${i},ITEM B,1,${time},3.00,${customer},United Kingdom`,
    ];
  }).flat();
}

async function countEvents(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(events).where(eq(events.workspaceId, workspaceId));
  return row!.count;
}

const shop = [
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom',
  'C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527.0,United Kingdom',
  '536380,22961,JAM MAKING SET PRINTED,24,2011-06-01 12:00:00,1.45,12583.0,France',
];

describe('importOnlineRetail', () => {
  test('stores orders and refunds at their own times, on contacts with their country, routed past journeys', async ({ db, workspaceId }) => {
    const result = await importOnlineRetail(db, { workspaceId, input: file(shop), source: 'shop.csv' });

    expect(result).toMatchObject({ lines: 5, cancellationLines: 1, linesWithoutCustomer: 1, validInvoices: 2, refundInvoices: 1, customersWithValidPurchase: 2, eventsWritten: 3 });
    const stored = await db
      .select({ name: events.name, userId: contacts.userId, country: sql<string>`${contacts.traits}->>'country'`, properties: events.properties, occurredAt: events.occurredAt, routedAt: events.routedAt })
      .from(events)
      .innerJoin(contacts, eq(contacts.id, events.contactId))
      .where(eq(events.workspaceId, workspaceId))
      .orderBy(events.occurredAt);
    expect(stored).toEqual([
      expect.objectContaining({ name: 'Order Completed', userId: '17850', country: 'United Kingdom', occurredAt: new Date('2010-12-01T08:26:00Z') }),
      expect.objectContaining({ name: 'Order Refunded', userId: '14527', properties: expect.objectContaining({ order_id: 'C536379', total: 27.5 }) }),
      expect.objectContaining({ name: 'Order Completed', userId: '12583', country: 'France', occurredAt: new Date('2011-06-01T11:00:00Z') }),
    ]);
    expect(stored[0]!.properties).toMatchObject({ order_id: '536365', revenue: 35.64, currency: 'GBP' });
    // A historical import enters no journey: its events are marked routed already.
    expect(stored.every((event) => event.routedAt !== null)).toBe(true);
    const [run] = await db.select().from(imports).where(eq(imports.workspaceId, workspaceId));
    expect(run).toMatchObject({ kind: 'online-retail', source: 'shop.csv', status: 'done', totals: expect.objectContaining({ validInvoices: 2 }) });
  });

  test('leaves the events for the routing consumer when asked to trigger journeys', async ({ db, workspaceId }) => {
    await importOnlineRetail(db, { workspaceId, input: file(shop), triggerJourneys: true });
    const unrouted = await db.select({ id: events.id }).from(events).where(and(eq(events.workspaceId, workspaceId), isNull(events.routedAt)));
    expect(unrouted).toHaveLength(3);
  });

  test('adds nothing when the same file is imported again', async ({ db, workspaceId }) => {
    await importOnlineRetail(db, { workspaceId, input: file(log(30)), chunkSize: 7 });
    const before = await countEvents(db, workspaceId);
    const contactsBefore = await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(contacts.id);

    const again = await importOnlineRetail(db, { workspaceId, input: file(log(30)), chunkSize: 7 });

    expect(before).toBe(30);
    expect(again).toMatchObject({ validInvoices: 30, eventsWritten: 0, resumedAfterLine: 0 });
    expect(await countEvents(db, workspaceId)).toBe(before);
    expect(await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(contacts.id)).toEqual(contactsBefore);
    expect(await db.select({ status: imports.status }).from(imports).where(eq(imports.workspaceId, workspaceId))).toEqual([{ status: 'done' }]);
  });

  test('resumes an import stopped half-way where it stopped', async ({ db, workspaceId }) => {
    let chunks = 0;
    const stopped = importOnlineRetail(db, {
      workspaceId,
      input: file(log(50)),
      chunkSize: 10,
      onProgress: () => {
        chunks += 1;
        if (chunks === 2) throw new Error('interrupted');
      },
    });
    await expect(stopped).rejects.toThrow('interrupted');
    const [failed] = await db.select().from(imports).where(eq(imports.workspaceId, workspaceId));
    expect(failed).toMatchObject({ status: 'failed', error: 'interrupted' });
    expect(failed!.linesDone).toBeGreaterThan(20);
    expect(await countEvents(db, workspaceId)).toBe(20);

    const resumed = await importOnlineRetail(db, { workspaceId, input: file(log(50)), chunkSize: 10 });

    expect(resumed).toMatchObject({ lines: 100, validInvoices: 50, customersWithValidPurchase: 10, resumedAfterLine: failed!.linesDone, eventsWritten: 30 });
    expect(await countEvents(db, workspaceId)).toBe(50);
    const [done] = await db.select().from(imports).where(eq(imports.workspaceId, workspaceId));
    expect(done).toMatchObject({ id: failed!.id, status: 'done' });
  });

  test('stops at an abort signal, and the next run finishes the job', async ({ db, workspaceId }) => {
    const abort = new AbortController();
    const progress: number[] = [];
    const stopped = importOnlineRetail(db, {
      workspaceId,
      input: file(log(25)),
      chunkSize: 10,
      signal: abort.signal,
      onProgress: ({ invoicesWritten }) => {
        progress.push(invoicesWritten);
        abort.abort();
      },
    });
    await expect(stopped).rejects.toThrow(/abort/i);
    expect(progress).toEqual([10]);

    await importOnlineRetail(db, { workspaceId, input: file(log(25)), chunkSize: 10 });
    expect(await countEvents(db, workspaceId)).toBe(25);
  });

  test('reports malformed rows by their lines and imports the rest', async ({ db, workspaceId }) => {
    const result = await importOnlineRetail(db, {
      workspaceId,
      input: file([
        shop[0]!,
        '536370,22728,ALARM CLOCK BAKELIKE PINK,eight,2010-12-01 08:45:00,3.75,12583.0,France',
        '536371,22727,ALARM CLOCK BAKELIKE RED,8,2010-12-01 08:45:00',
        shop[4]!,
      ]),
    });
    expect(result).toMatchObject({
      lines: 4,
      malformedLines: 2,
      validInvoices: 2,
      problems: [
        { line: 3, problem: expect.stringContaining('Quantity "eight" is not a whole number') },
        { line: 4, problem: expect.stringContaining('Invalid Record Length') },
      ],
    });
    expect(await countEvents(db, workspaceId)).toBe(2);
  });
});
