import { and, asc, events, isNull, sql, type Database } from '@tend/db';
import type { Client } from '@temporalio/client';
import { routeEvents } from '@tend/routing';
import type { StoredEvent } from './store.js';

/**
 * Routes events that were stored but not routed (Temporal was unreachable, or the server
 * stopped in between). Only events older than `minAgeMs` are taken, so a request that is
 * still routing its own events is not raced.
 */
export async function routePendingEvents(db: Database, temporal: Client, minAgeMs = 60_000, limit = 500): Promise<number> {
  const pending = await db
    .select()
    .from(events)
    .where(and(isNull(events.routedAt), sql`${events.receivedAt} < now() - make_interval(secs => ${minAgeMs / 1000})`))
    .orderBy(asc(events.receivedAt))
    .limit(limit);
  const byWorkspace = new Map<string, StoredEvent[]>();
  for (const row of pending) {
    const list = byWorkspace.get(row.workspaceId) ?? [];
    list.push({ ...row, duplicate: false });
    byWorkspace.set(row.workspaceId, list);
  }
  for (const [workspaceId, list] of byWorkspace) await routeEvents(db, temporal, workspaceId, list);
  return pending.length;
}

/** Runs the sweep every `intervalMs` until stopped. */
export function startPendingRouteSweeper(db: Database, temporal: Client, onError: (error: unknown) => void, intervalMs = 15_000) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    routePendingEvents(db, temporal)
      .catch(onError)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
