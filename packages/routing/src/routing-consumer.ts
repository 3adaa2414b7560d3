import { events, sql, textIn, type Database } from '@tend/db';
import type { Client } from '@temporalio/client';
import { hostname } from 'node:os';
import { RoutingViews } from './live-journeys.js';
import { PartitionLeases } from './partition-leases.js';
import { routeEvents } from './route-events.js';
import { readUnrouted } from './unrouted-events.js';
import type { RoutableEvent } from './routed-event.js';

export interface RoutingConsumerOptions {
  /** Names this consumer in the leases table; default host:pid:random. */
  id?: string;
  /** Events read per batch. */
  batchSize?: number;
  /** Temporal calls in flight at once (different contacts). */
  concurrency?: number;
  /** How often to look for events when nobody wakes the consumer (another server stored them). */
  pollMs?: number;
  /**
   * After a read that emptied its partitions, the next waits this long at least, so the events
   * requests store meanwhile are read, looked up and marked together: under load each read
   * then costs its few statements for several requests' events, at most this much later.
   */
  gatherMs?: number;
  /** How often leases are renewed and shares rebalanced. */
  leaseRenewMs?: number;
  /** How long a lease lasts unless renewed. */
  leaseTtlMs?: number;
  /**
   * This process is the only one on its database (embedded PGlite): take every partition at
   * once, rather than wait for the leases of a previous, crashed run of it to run out.
   */
  exclusive?: boolean;
  /**
   * Called with each workspace's events once they are routed, e.g. to bring the segments of
   * their contacts up to date. Its failure is reported, never retried: the events stay routed.
   */
  afterBatch?(workspaceId: string, routed: readonly RoutableEvent[]): Promise<void>;
  onError(error: unknown): void;
}

export interface RoutingConsumer {
  /** Events were just stored: route them now rather than at the next poll. */
  wake(): void;
  /** Resolves once every event stored so far in this consumer's partitions is routed (tests, tools). */
  drained(): Promise<void>;
  /** Finishes the batch in hand, gives the leases back and stops. */
  stop(): Promise<void>;
}

/**
 * Routes stored events to journeys, beside the requests that stored them. Events are read in
 * arrival order from the partitions this consumer leases (a contact's events all fall in one
 * partition, so one consumer routes them, in order), routed with different contacts side by
 * side, and marked routed. A crash loses nothing: unmarked events are read again, by this
 * consumer or, once its leases run out, by another; routing one twice is harmless (see
 * routeEvents). Any number of consumers, in any number of processes, share the partitions.
 */
export function startRoutingConsumer(db: Database, temporal: Client, options: RoutingConsumerOptions): RoutingConsumer {
  const settings = { batchSize: 500, concurrency: 32, pollMs: 250, gatherMs: 50, leaseRenewMs: 2_000, leaseTtlMs: 10_000, ...options };
  const leases = new PartitionLeases(db, options.id ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`, { ttlMs: settings.leaseTtlMs });
  const views = new RoutingViews(db);
  let stopping = false;
  let woken = false;
  let wakeUp: (() => void) | null = null;
  let leasesRenewedAt = 0;
  let lastEmptyReadAt = 0;
  let lastReadFull = false;
  // drained() callers, each waiting for a read begun after it asked to come back empty.
  let readsBegun = 0;
  let drainWaiters: { after: number; resolve(): void }[] = [];

  async function routeBatch(partitions: readonly number[]): Promise<{ read: number; failed: boolean }> {
    if (partitions.length === 0) return { read: 0, failed: false };
    const batch = await readUnrouted(db, partitions, settings.batchSize, { backlog: lastReadFull });
    lastReadFull = batch.length === settings.batchSize;
    let failed = false;
    const byWorkspace = new Map<string, RoutableEvent[]>();
    for (const event of batch) {
      const ofWorkspace = byWorkspace.get(event.workspaceId) ?? [];
      ofWorkspace.push({ ...event, duplicate: false });
      byWorkspace.set(event.workspaceId, ofWorkspace);
    }
    for (const [workspaceId, routable] of byWorkspace) {
      const routed = await routeEvents(db, temporal, workspaceId, await views.of(workspaceId), routable, {
        concurrency: settings.concurrency,
        onError(error) {
          failed = true;
          settings.onError(error);
        },
      });
      if (routed.length === 0) continue;
      await db.update(events).set({ routedAt: sql`now()` }).where(textIn(events.id, routed));
      const done = new Set(routed);
      await settings.afterBatch?.(workspaceId, routable.filter((event) => done.has(event.id))).catch(settings.onError);
    }
    return { read: batch.length, failed };
  }

  async function loop(): Promise<void> {
    if (settings.exclusive) await leases.forgetOthers().catch(settings.onError);
    while (!stopping) {
      let pause = settings.pollMs;
      try {
        if (Date.now() - leasesRenewedAt >= settings.leaseRenewMs) {
          await leases.maintain();
          leasesRenewedAt = Date.now();
        }
        const gathering = lastEmptyReadAt + settings.gatherMs - Date.now();
        if (gathering > 0) await sleep(gathering);
        if (stopping) break;
        woken = false;
        const read = ++readsBegun;
        const { read: count, failed } = await routeBatch(leases.owned);
        if (count === settings.batchSize && !failed) continue; // more waiting: no pause
        lastEmptyReadAt = Date.now();
        if (failed) pause = 1_000; // Temporal or the database is struggling: retry, gently
        else if (count === 0) settleDrained(read);
      } catch (error) {
        settings.onError(error);
        pause = 1_000;
      }
      if (woken || stopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  }

  function settleDrained(read: number) {
    for (const waiter of drainWaiters) if (read > waiter.after) waiter.resolve();
    drainWaiters = drainWaiters.filter((waiter) => read <= waiter.after);
  }

  const running = loop();
  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    drained() {
      const waiting = new Promise<void>((resolve) => drainWaiters.push({ after: readsBegun, resolve }));
      this.wake();
      return waiting;
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await running;
      for (const waiter of drainWaiters) waiter.resolve();
      await leases.releaseAll().catch(settings.onError);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
