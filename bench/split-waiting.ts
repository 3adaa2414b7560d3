// Section 5.5: contacts waiting with apps/server and apps/worker as separate processes on a
// Postgres server, the way Tend is deployed; needs DATABASE_URL (skipped without it).
import { join } from 'node:path';
import { and, enrolments, eq, sql, workspaces, type Database } from '@tend/db';
import { throwawayDatabase } from '@tend/e2e/harness';
import { publishAndApply } from '@tend/publishing';
import { productionHeapMiB } from '@tend/worker/env';
import type { Cleanup } from './cleanup.js';
import { waitingJourney } from './engine-journeys.js';
import { waitForCount } from './poll-count.js';
import { mib, readMemory, temporalServerPid } from './process-memory.js';
import { format, number, progress, type Comparison } from './report.js';
import { launchSplitTend } from './split-processes.js';
import { perSecond } from './stats.js';
import { benchWriteKey } from './tend-instance.js';
import { countOf, runningJourneys, temporalClient } from './temporal-count.js';
import { batchesInFlight, postTrackEvents } from './track-batches.js';

const settleMs = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type SplitResult = { rows: Comparison[]; notes: string[] } | { skipped: string };

export async function benchSplitWaiting(options: {
  databaseUrl: string | undefined;
  workDir: string;
  cliPath: string;
  smtpUrl: string;
  count: number;
  cleanup: Cleanup;
}): Promise<SplitResult> {
  const { databaseUrl, workDir, cliPath, smtpUrl, count, cleanup } = options;
  if (!databaseUrl) return { skipped: 'skipped: needs DATABASE_URL (a Postgres server, e.g. postgres://tend:tend@127.0.0.1:5432/tend; the bench makes and drops a database of its own on it)' };
  const runId = Date.now().toString(36);

  progress('a throwaway database on the Postgres server named by DATABASE_URL');
  const database = await throwawayDatabase(databaseUrl);
  cleanup.defer('throwaway Postgres database', database.close);
  progress(`apps/server and apps/worker as separate processes on it, with a Temporal dev server of their own`);
  const tend = await launchSplitTend({ databaseUrl: database.url, dataDir: join(workDir, 'split'), cliPath, smtpUrl, cleanup });
  const temporalPid = temporalServerPid(process.pid);
  progress(`  healthy: server pid ${tend.serverPid}, worker pid ${tend.workerPid}; reading memory ${settleMs / 1000} s later`);
  await sleep(settleMs);
  const idle = { server: readMemory(tend.serverPid), worker: readMemory(tend.workerPid), temporal: temporalPid === null ? null : readMemory(temporalPid) };
  const idleBytes = await databaseBytes(database.db);

  const temporal = await temporalClient(tend.temporalAddress, cleanup);
  const workspaceId = await workspaceOf(database.db);
  progress(`publishing "${waitingJourney.graph.name}" (publishAndApply, as the server's journeys.publish)`);
  const published = await publishAndApply(database.db, temporal, workspaceId, waitingJourney.graph);
  if (!published.ok) throw new Error(`${waitingJourney.graph.id} was refused: ${JSON.stringify(published.problems)}`);

  progress(`enrolling ${count} contacts through /v1/batch, ${batchesInFlight} batches of 100 in flight; progress every 10 s`);
  const seen = { answered: 0, running: 0, waiting: 0 };
  const began = performance.now();
  const ticker = setInterval(() => {
    const elapsed = (performance.now() - began) / 1000;
    const left = seen.waiting > 0 ? ` (about ${Math.round(((count - seen.waiting) * elapsed) / seen.waiting)} s left)` : '';
    progress(
      `  ${elapsed.toFixed(0)} s: answered ${seen.answered}, running ${seen.running}, in the routing index ${seen.waiting} of ${count}${left}; ` +
        `server ${megabytes(readMemory(tend.serverPid).rss)}, worker ${megabytes(readMemory(tend.workerPid).rss)}`,
    );
  }, 10_000);
  const deadline = began + 120_000 + count * 100;
  const [posted, running, waiting] = await Promise.all([
    postTrackEvents(
      tend,
      count,
      (i) => ({ userId: `split-waiter-${runId}-${i}`, event: 'Bench Wait', messageId: `split-wait-${runId}-${i}`, properties: {} }),
      { deadline, answered: (n) => (seen.answered = n) },
    ),
    waitForCount(countOf(temporal, runningJourneys), count, deadline, (n) => (seen.running = n), 1000),
    waitForCount(() => activeEnrolments(database.db, workspaceId, waitingJourney.graph.id), count, deadline, (n) => (seen.waiting = n), 1000),
  ]).finally(() => clearInterval(ticker));
  for (const failure of [...new Set(posted.failures)].slice(0, 3)) progress(`  refused: ${failure}`);
  const enrolMs = Math.max(running.at ?? NaN, waiting.at ?? NaN) - began;
  progress(`  ${waiting.count} waiting after ${format(enrolMs, 'duration')}; reading memory ${settleMs / 1000} s later`);
  await sleep(settleMs);
  const loaded = { server: readMemory(tend.serverPid), worker: readMemory(tend.workerPid), temporal: temporalPid === null ? null : readMemory(temporalPid) };
  const loadedBytes = await databaseBytes(database.db);

  progress('stopping the split Tend');
  await tend.stop();

  const idleLabel = `same process, healthy + ${settleMs / 1000} s`;
  const rows: Comparison[] = [
    { figure: `apps/worker resident, ${waiting.count} waiting`, value: mib(loaded.worker.rss), baseline: idleLabel, base: mib(idle.worker.rss), unit: 'MiB' },
    { figure: 'apps/worker peak resident (VmHWM)', value: mib(loaded.worker.peak), baseline: `its peak by healthy + ${settleMs / 1000} s`, base: mib(idle.worker.peak), unit: 'MiB' },
    { figure: `apps/server resident, ${waiting.count} waiting`, value: mib(loaded.server.rss), baseline: idleLabel, base: mib(idle.server.rss), unit: 'MiB' },
    { figure: 'Postgres database size', value: mib(loadedBytes), baseline: 'the same database after migrations', base: mib(idleBytes), unit: 'MiB' },
  ];
  if (idle.temporal && loaded.temporal) {
    rows.push({ figure: `Temporal dev server resident, ${waiting.count} waiting`, value: mib(loaded.temporal.rss), baseline: idleLabel, base: mib(idle.temporal.rss), unit: 'MiB' });
  }
  const notes = [
    'apps/server/dist/main.js and apps/worker/dist/main.js (built, as the production image runs them) as two processes on the Postgres server of DATABASE_URL',
    `  (a throwaway database, dropped afterwards) and a Temporal dev server of the bench's own (SQLite); VmRSS and VmHWM from /proc/<pid>/status.`,
    `${waiting.count === count ? 'all' : `only ${waiting.count} of`} ${count} contacts waiting (enrolments active) after ${format(enrolMs, 'duration')}, ` +
      `${format(perSecond(waiting.count, enrolMs), 'contacts/s')}; running in Temporal: ${running.count}; ${posted.accepted} events accepted.`,
    `worker growth ${number((loaded.worker.rss - idle.worker.rss) / Math.max(1, waiting.count) / 1024)} KiB per waiting contact (with few contacts this is mostly garbage-collection noise).`,
    '  The worker runs with its production defaults: the pre-built workflow bundle (TEND_WORKFLOW_BUNDLE), 500 runs kept in memory',
    `  (TEND_WORKFLOW_CACHE_SIZE) on one workflow thread (TEND_WORKFLOW_THREADS), and the image's heap limit (NODE_OPTIONS=--max-old-space-size=${productionHeapMiB});`,
    '  waiting runs beyond the cache live only in Temporal and Postgres.',
    `database growth ${number((loadedBytes - idleBytes) / Math.max(1, waiting.count) / 1024)} KiB per waiting contact (pg_database_size: contacts, events, enrolments, visits).`,
  ];
  return { rows, notes };
}

async function workspaceOf(db: Database): Promise<string> {
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.writeKey, benchWriteKey));
  if (!workspace) throw new Error('apps/server made no workspace for the bench write key');
  return workspace.id;
}

/** Contacts in the routing index: what GET /trpc/journeys.stats counts as "active". */
async function activeEnrolments(db: Database, workspaceId: string, journeyId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.journeyId, journeyId), eq(enrolments.status, 'active')));
  return row?.count ?? 0;
}

async function databaseBytes(db: Database): Promise<number> {
  const result = (await db.execute(sql`select pg_database_size(current_database())::bigint as bytes`)) as unknown as { rows: { bytes: string | number }[] };
  return Number(result.rows[0]?.bytes ?? NaN);
}

function megabytes(bytes: number): string {
  return `${number(mib(bytes))} MiB`;
}
