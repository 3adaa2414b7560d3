import { contacts, events, sql, type DatabaseHandle } from '@tend/db';
import { openTestDatabase, seedWorkspace } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnlineRetail, type OnlineRetailImportResult } from './run-import.js';
import { onlineRetailDataSet } from '../testing/data-sets.js';

const dataSet = onlineRetailDataSet();

describe.runIf(dataSet !== null)('importing the whole Online Retail data set', () => {
  let handle: DatabaseHandle;
  let result: OnlineRetailImportResult;
  let seconds: number;
  let workspaceId: string;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    workspaceId = await seedWorkspace(handle.db);
    const started = performance.now();
    result = await importOnlineRetail(handle.db, { workspaceId, input: dataSet! });
    seconds = (performance.now() - started) / 1000;
    console.log(`online retail: ${result.lines} lines in ${seconds.toFixed(1)} s, ${Math.round(result.lines / seconds)} lines/s`);
  });
  afterAll(() => handle?.close());

  it('reports the figures the data set README gives', () => {
    expect(result).toMatchObject({
      lines: 541_909,
      cancellationLines: 9_288,
      linesWithoutCustomer: 135_080,
      customersWithValidPurchase: 4_338,
      validInvoices: 18_532,
      malformedLines: 0,
    });
  });

  it('stores one Order Completed per valid invoice, on one contact per customer', async () => {
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
    const [before] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(events);
    const started = performance.now();
    const again = await importOnlineRetail(handle.db, { workspaceId, input: dataSet! });
    console.log(`online retail again: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const [after] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(events);
    expect(again).toMatchObject({ importId: result.importId, validInvoices: 18_532, eventsWritten: 0 });
    expect(after).toEqual(before);
  });
});
