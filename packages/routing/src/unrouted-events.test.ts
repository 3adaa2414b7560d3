import { contacts, eq, events, sql, workspaces, type DatabaseHandle } from '@tend/db';
import { availableTestDatabases, openTestDatabase } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routingPartitions } from './partition-leases.js';
import { readUnrouted } from './unrouted-events.js';

describe.each(availableTestDatabases())('readUnrouted on %s', (kind) => {
  let handle: DatabaseHandle;
  const partitionOf = new Map<string, number>();

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const { db } = handle;
    await db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'wk', emailFrom: 'shop@example.test' });
    await db.insert(contacts).values(Array.from({ length: 12 }, (_, i) => ({ id: `ct-${i}`, workspaceId: 'ws', userId: `u${i}`, traits: {} })));
    // 120 events over 12 contacts, stored in 6 statements; every third one already routed.
    for (let part = 0; part < 6; part++) {
      await db.insert(events).values(
        Array.from({ length: 20 }, (_, j) => {
          const n = part * 20 + j;
          return {
            id: `ev-${String(n).padStart(3, '0')}`,
            workspaceId: 'ws',
            messageId: `m-${n}`,
            type: 'track' as const,
            name: 'Viewed',
            contactId: `ct-${n % 12}`,
            properties: { n, nested: { sku: 'A-1' } },
            occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n, 250)),
            createdContact: n < 12,
            routedAt: n % 3 === 0 ? new Date() : null,
          };
        }),
      );
    }
    for (const row of await db.select({ contactId: events.contactId, partition: events.routePartition }).from(events)) partitionOf.set(row.contactId, row.partition);
  });
  afterAll(() => handle?.close());

  // Both forms: one query for every partition (few waiting), and a scan per partition, merged (a backlog).
  it.each([false, true])('reads the oldest unrouted events first, whatever their partition, as stored (backlog: %s)', async (backlog) => {
    const all = Array.from({ length: routingPartitions }, (_, i) => i);
    const read = await readUnrouted(handle.db, all, 10, { backlog });
    const expected = Array.from({ length: 120 }, (_, n) => n).filter((n) => n % 3 !== 0).slice(0, 10);
    expect(read.map((event) => event.messageId)).toEqual(expected.map((n) => `m-${n}`));
    expect(read[0]).toEqual({
      id: 'ev-001',
      workspaceId: 'ws',
      messageId: 'm-1',
      type: 'track',
      name: 'Viewed',
      contactId: 'ct-1',
      properties: { n: 1, nested: { sku: 'A-1' } },
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 1, 250)),
      createdContact: true,
    });
    expect(read.at(-1)!.createdContact).toBe(false);
  });

  it.each([false, true])('reads only the partitions asked for (backlog: %s)', async (backlog) => {
    const someContact = 'ct-5';
    const read = await readUnrouted(handle.db, [partitionOf.get(someContact)!], 500, { backlog });
    const inPartition = [...partitionOf].filter(([, partition]) => partition === partitionOf.get(someContact)).map(([contactId]) => contactId);
    const unrouted = await handle.db.$count(events, sql`${events.routedAt} is null and ${events.routePartition} = ${partitionOf.get(someContact)!}`);
    expect(read).toHaveLength(unrouted);
    expect(new Set(read.map((event) => event.contactId))).toEqual(new Set(inPartition));
    expect(read.map((event) => event.id)).toEqual([...read.map((event) => event.id)].sort());
    expect(await readUnrouted(handle.db, [], 500, { backlog })).toEqual([]);
  });

  it('leaves out an event once it is marked routed', async () => {
    const all = Array.from({ length: routingPartitions }, (_, i) => i);
    await handle.db.update(events).set({ routedAt: new Date() }).where(eq(events.id, 'ev-001'));
    expect((await readUnrouted(handle.db, all, 1))[0]!.id).toBe('ev-002');
    expect((await readUnrouted(handle.db, all, 1, { backlog: true }))[0]!.id).toBe('ev-002');
  });
});
