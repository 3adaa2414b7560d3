import { routingLeases, sql } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionLeases, routingPartitions } from './partition-leases.js';

const handle = await openTestDatabase('pglite');
const db = handle.db;
const timings = { ttlMs: 1_000 };
afterAll(() => handle.close());

async function owners(): Promise<Map<string | null, number[]>> {
  const rows = await db.select().from(routingLeases).orderBy(routingLeases.partition);
  const byOwner = new Map<string | null, number[]>();
  for (const row of rows) byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), row.partition]);
  return byOwner;
}

describe('routing partition leases', () => {
  const first = new PartitionLeases(db, 'first', timings);
  const second = new PartitionLeases(db, 'second', timings);

  beforeAll(async () => {
    await first.maintain();
  });

  it('gives a lone consumer every partition', async () => {
    expect(first.owned).toHaveLength(routingPartitions);
    expect((await owners()).get('first')).toHaveLength(routingPartitions);
  });

  it('splits the partitions evenly, without overlap, when a second consumer joins', async () => {
    await second.maintain(); // announces itself; nothing free yet
    await first.maintain(); // sees two consumers: gives half back
    await second.maintain(); // takes them
    expect(first.owned).toHaveLength(routingPartitions / 2);
    expect(second.owned).toHaveLength(routingPartitions / 2);
    expect(first.owned.filter((partition) => second.owned.includes(partition))).toEqual([]);
  });

  it('hands a stopped consumer’s partitions to the other at once', async () => {
    await second.releaseAll();
    await first.maintain();
    expect(first.owned).toHaveLength(routingPartitions);
  });

  it('takes over a crashed consumer’s partitions only once its leases run out', async () => {
    // "crashed" held partitions 0–15 and stopped renewing without giving them back.
    await db.execute(sql`update routing_leases set owner = 'crashed', expires_at = now() + interval '1 second' where partition < 16`);
    await db.execute(sql`insert into routing_consumers (id, seen_at) values ('crashed', now())`);
    await first.maintain();
    expect(first.owned.every((partition) => partition >= 16)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await first.maintain();
    expect(first.owned).toHaveLength(routingPartitions);
  });
});
