import { and, eq, inArray, lt, or, isNull, routingConsumers, routingLeases, sql, type Database } from '@tend/db';

/** The events are split into this many routing partitions by contact (`events.route_partition`). */
export const routingPartitions = 32;

export interface LeaseTimings {
  /** How long a lease lasts unless renewed; a crashed consumer's partitions move after this. */
  ttlMs: number;
}

/**
 * One routing consumer's share of the partitions. Each consumer announces itself, takes
 * partitions nobody holds (or whose lease ran out) up to its fair share, and gives back what is
 * over its share when others join, so the work spreads across every live consumer and a
 * partition is never routed by two at once while their leases hold.
 */
export class PartitionLeases {
  #owned: number[] = [];

  constructor(
    private readonly db: Database,
    readonly consumerId: string,
    private readonly timings: LeaseTimings,
  ) {}

  get owned(): readonly number[] {
    return this.#owned;
  }

  /** Renews, sheds and claims leases; returns the partitions this consumer may route now. */
  async maintain(): Promise<readonly number[]> {
    const { db, consumerId } = this;
    const ttl = sql`make_interval(secs => ${this.timings.ttlMs / 1000})`;
    await db
      .insert(routingConsumers)
      .values({ id: consumerId })
      .onConflictDoUpdate({ target: routingConsumers.id, set: { seenAt: sql`now()` } });
    await db.delete(routingConsumers).where(lt(routingConsumers.seenAt, sql`now() - ${ttl} * 3`));
    const [{ live } = { live: 1 }] = await db
      .select({ live: sql<number>`count(*)::int` })
      .from(routingConsumers)
      .where(sql`${routingConsumers.seenAt} > now() - ${ttl}`);
    const fairShare = Math.ceil(routingPartitions / Math.max(live, 1));

    const renewed = await db
      .update(routingLeases)
      .set({ expiresAt: sql`now() + ${ttl}` })
      .where(eq(routingLeases.owner, consumerId))
      .returning({ partition: routingLeases.partition });
    let owned = renewed.map((row) => row.partition).sort((a, b) => a - b);

    if (owned.length > fairShare) {
      const over = owned.slice(fairShare);
      await this.#release(over);
      owned = owned.slice(0, fairShare);
    } else if (owned.length < fairShare) {
      const claimed = (await db.execute(sql`
        update ${routingLeases} set owner = ${consumerId}, expires_at = now() + ${ttl}
        where ${routingLeases.partition} in (
          select ${routingLeases.partition} from ${routingLeases}
          where ${or(isNull(routingLeases.owner), lt(routingLeases.expiresAt, sql`now()`))}
          order by ${routingLeases.partition}
          limit ${fairShare - owned.length}
          for update skip locked)
        returning ${routingLeases.partition}`)) as unknown as { rows: { partition: number }[] };
      owned = [...owned, ...claimed.rows.map((row) => Number(row.partition))].sort((a, b) => a - b);
    }
    this.#owned = owned;
    return owned;
  }

  /** Frees every partition and forgets every other consumer: for a process that knows it is alone. */
  async forgetOthers(): Promise<void> {
    await this.db.update(routingLeases).set({ owner: null, expiresAt: sql`now()` });
    await this.db.delete(routingConsumers);
  }

  /** Gives every lease back at once (a clean stop), so others take over without waiting. */
  async releaseAll(): Promise<void> {
    await this.#release(this.#owned);
    await this.db.delete(routingConsumers).where(eq(routingConsumers.id, this.consumerId));
    this.#owned = [];
  }

  async #release(partitions: readonly number[]): Promise<void> {
    if (partitions.length === 0) return;
    await this.db
      .update(routingLeases)
      .set({ owner: null, expiresAt: sql`now()` })
      .where(and(eq(routingLeases.owner, this.consumerId), inArray(routingLeases.partition, [...partitions])));
  }
}
