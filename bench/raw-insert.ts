import { contacts, events, newId, openDatabase, workspaces, type DatabaseOptions } from '@tend/db';
import type { Cleanup } from './cleanup.js';
import { runPool } from './pool.js';
import { perSecond } from './stats.js';

export interface RawInsertRun {
  eventsPerSecond: number;
  inserted: number;
  /** Where the rows went: "pglite" or "postgres", as openDatabase says. */
  kind: string;
}

/**
 * The floor under /v1/batch: the rows Tend would store for the same calls — one `contacts` row
 * per userId and one `events` row per track event — written straight with drizzle's
 * multi-row `insert(...).values([...])`, `batchSize` rows a statement, `inFlight` statements
 * in flight, into a fresh database of the kind Tend uses (migrations run on open, not timed).
 * No validation, no per-event messageId lookup, no transaction per batch, no routing.
 */
export async function rawMultiRowInsert(options: {
  database: DatabaseOptions;
  batches: number;
  batchSize: number;
  inFlight: number;
  warmupBatches: number;
  userIds: string[];
  cleanup: Cleanup;
}): Promise<RawInsertRun> {
  const { database, batches, batchSize, inFlight, warmupBatches, userIds, cleanup } = options;
  const handle = await openDatabase(database);
  const close = cleanup.defer('raw-insert database', () => handle.close());
  try {
    const { db } = handle;
    const workspaceId = newId('ws');
    await db.insert(workspaces).values({ id: workspaceId, name: 'bench raw insert', writeKey: `bench-raw-${workspaceId}`, emailFrom: 'bench@example.test' });

    const insertContacts = async (ids: string[]): Promise<string[]> => {
      const values = ids.map((userId) => ({ id: newId('ct'), workspaceId, userId, traits: {} }));
      await db.insert(contacts).values(values);
      return values.map((value) => value.id);
    };
    const rows = (contactIds: string[], label: string, b: number) =>
      Array.from({ length: batchSize }, (_, j) => ({
        id: newId('ev'),
        workspaceId,
        messageId: `bench-raw-${label}${b}-${j}`,
        type: 'track' as const,
        name: 'Bench Event',
        contactId: contactIds[j % contactIds.length]!,
        properties: { batch: b, index: j, plan: 'pro' },
        occurredAt: new Date(),
      }));

    // Warm-up on contacts of its own, as the client loop warms up before it times.
    const warmupContacts = await insertContacts(userIds.map((userId) => `${userId}-warmup`));
    for (let b = 0; b < warmupBatches; b++) await db.insert(events).values(rows(warmupContacts, 'warmup', b));

    let inserted = 0;
    const began = performance.now();
    const contactIds = await insertContacts(userIds);
    await runPool(batches, inFlight, async (b) => {
      const values = rows(contactIds, 'b', b);
      await db.insert(events).values(values);
      inserted += values.length;
    });
    const ms = performance.now() - began;
    return { eventsPerSecond: perSecond(inserted, ms), inserted, kind: handle.kind };
  } finally {
    await close();
  }
}
