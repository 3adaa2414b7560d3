import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { Cleanup } from './cleanup.js';
import { publishWithCli, waitingJourney } from './engine-journeys.js';
import { launchTend } from './tend-instance.js';
import { activeEnrolments } from './journey-stats.js';
import { format, number, progress, type Comparison } from './report.js';
import { waitForCount } from './poll-count.js';
import { mib, readMemory, temporalServerPid } from './process-memory.js';
import { perSecond } from './stats.js';
import { countOf, runningJourneys, temporalClient } from './temporal-count.js';
import { batchesInFlight, postTrackEvents } from './track-batches.js';

/** After healthy, and after the last contact is waiting, before memory is read. */
const settleMs = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Section 4.3: the resident memory of the Tend process (HTTP server, worker and PGlite share
 * it) with `count` contacts waiting 30 days, beside the same process right after it became
 * healthy, before any journey or contact.
 */
export async function benchWaitingMemory(options: { workDir: string; smtpUrl: string; count: number; cleanup: Cleanup }): Promise<{ rows: Comparison[]; notes: string[] }> {
  const { workDir, smtpUrl, count, cleanup } = options;
  const runId = Date.now().toString(36);

  progress('a fresh Tend (npm start on an empty data directory)');
  const tend = await launchTend({ dataDir: join(workDir, 'engine-memory'), smtpUrl });
  const stopTend = cleanup.defer('Tend (section 4.3)', tend.stop);
  const atHealthy = readMemory(tend.pid);
  progress(`  healthy; Tend process (pid ${tend.pid}) resident ${megabytes(atHealthy.rss)}; reading it again ${settleMs / 1000} s later`);
  await sleep(settleMs);
  const idle = readMemory(tend.pid);
  const temporalPid = temporalServerPid(tend.pid);
  const temporalIdle = temporalPid === null ? null : readMemory(temporalPid);
  const temporal = await temporalClient(tend.temporalAddress, cleanup);
  progress(`publishing "${waitingJourney.graph.name}" with the tend CLI`);
  progress(`  ${await publishWithCli(waitingJourney, workDir, tend)}`);

  progress(`enrolling ${count} contacts through /v1/batch, ${batchesInFlight} batches of 100 in flight; progress every 10 s`);
  const seen = { answered: 0, running: 0, waiting: 0 };
  const began = performance.now();
  const ticker = setInterval(() => {
    const elapsed = (performance.now() - began) / 1000;
    const left = seen.waiting > 0 ? ` (about ${Math.round(((count - seen.waiting) * elapsed) / seen.waiting)} s left)` : '';
    progress(
      `  ${elapsed.toFixed(0)} s: answered ${seen.answered}, running ${seen.running}, in the routing index ${seen.waiting} of ${count}${left}; ` +
        `Tend resident ${megabytes(readMemory(tend.pid).rss)}`,
    );
  }, 10_000);
  const deadline = began + 120_000 + count * 100;
  const [posted, running, waiting] = await Promise.all([
    postTrackEvents(
      tend,
      count,
      (i) => ({ userId: `waiter-${runId}-${i}`, event: 'Bench Wait', messageId: `wait-${runId}-${i}`, properties: {} }),
      { deadline, answered: (n) => (seen.answered = n) },
    ),
    waitForCount(countOf(temporal, runningJourneys), count, deadline, (n) => (seen.running = n), 1000),
    waitForCount(() => activeEnrolments(tend, waitingJourney.graph.id), count, deadline, (n) => (seen.waiting = n), 1000),
  ]).finally(() => clearInterval(ticker));
  for (const failure of [...new Set(posted.failures)].slice(0, 3)) progress(`  refused: ${failure}`);
  const enrolMs = Math.max(running.at ?? NaN, waiting.at ?? NaN) - began;
  progress(`  ${waiting.count} waiting after ${format(enrolMs, 'duration')}; reading memory ${settleMs / 1000} s later`);
  await sleep(settleMs);
  const loaded = readMemory(tend.pid);
  const temporalLoaded = temporalPid === null ? null : readMemory(temporalPid);

  progress('stopping this Tend');
  await stopTend();

  const perContact = (loaded.rss - idle.rss) / Math.max(1, waiting.count);
  const idleLabel = `same process, healthy + ${settleMs / 1000} s, no contacts`;
  const rows: Comparison[] = [
    { figure: `Tend process resident, ${waiting.count} contacts waiting`, value: mib(loaded.rss), baseline: idleLabel, base: mib(idle.rss), unit: 'MiB' },
    { figure: 'Tend process peak resident (VmHWM), by then', value: mib(loaded.peak), baseline: `its peak by healthy + ${settleMs / 1000} s (start-up)`, base: mib(idle.peak), unit: 'MiB' },
  ];
  const notes = [
    'One process: `npm start` runs the HTTP server, the Temporal worker and PGlite (Postgres in WASM) together, so this is all three;',
    `  VmRSS and VmHWM from /proc/${tend.pid}/status (spawnTend's child), read ${settleMs / 1000} s after healthy and ${settleMs / 1000} s after the last contact was waiting.`,
    `At healthy it was ${megabytes(atHealthy.rss)}. The worker bundles the workflow code (webpack) at start and V8 frees that garbage only when it next`,
    '  collects, so the idle figure moves between runs by up to a few hundred MiB, and growth below is only as exact as that.',
    `${waiting.count === count ? 'all' : `only ${waiting.count} of`} ${count} contacts waiting (routing index) after ${format(enrolMs, 'duration')}, ` +
      `${format(perSecond(waiting.count, enrolMs), 'contacts/s')}; running in Temporal: ${running.count}.`,
    `growth ${megabytes(loaded.rss - idle.rss)}, ${number(perContact / 1024)} KiB per waiting contact; journey "${waitingJourney.graph.name}" (${waitingJourney.source}).`,
    `The worker caches at most ~${workflowCacheSize().toLocaleString('en-US')} workflows (the SDK's default for this heap size); waiting runs beyond it are evicted and live only in Temporal.`,
    temporalIdle && temporalLoaded
      ? `The Temporal dev server (a separate child process, not counted above): ${megabytes(temporalIdle.rss)} when healthy, ${megabytes(temporalLoaded.rss)} with the contacts waiting.`
      : 'The Temporal dev server process was not found among Tend\'s children, so its memory is not shown.',
  ];
  return { rows, notes };
}

function megabytes(bytes: number): string {
  return `${number(mib(bytes))} MiB`;
}

/**
 * @temporalio/worker 1.24's default maxCachedWorkflows with reuseV8Context: 600 per GiB of heap
 * limit above 200 MiB. Tend's process runs the same node with the same flags as the bench.
 */
function workflowCacheSize(): number {
  const heapMiB = getHeapStatistics().heap_size_limit / (1024 * 1024);
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}
