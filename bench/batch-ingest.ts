import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseOptions } from '@tend/db';
import { exited, throwawayDatabase } from '@tend/e2e/harness';
import type { Cleanup } from './cleanup.js';
import { postJson } from './http.js';
import { runPool } from './pool.js';
import { rawMultiRowInsert } from './raw-insert.js';
import { format, number, progress, type Comparison } from './report.js';
import { perSecond, summarize, type Summary } from './stats.js';
import { launchSplitTend } from './split-processes.js';
import type { BenchTend } from './tend-instance.js';

const batchSize = 100;
const inFlight = 4;
const warmupBatches = 2;
const userIds = ['bench-b1', 'bench-b2', 'bench-b3', 'bench-b4', 'bench-b5'];

interface IngestRun {
  eventsPerSecond: number;
  accepted: number;
  /** Time from sending a batch to its answer. */
  answer: Summary;
  failures: string[];
}

/**
 * Events accepted per second on POST /v1/batch, against a bare Fastify server that only
 * parses the same bodies, both driven by the same client loop; and against the same rows
 * inserted straight into a fresh database of Tend's kind (`database`), 100 rows a statement.
 */
export async function benchBatchIngest(options: { tend: BenchTend; batches: number; database: DatabaseOptions; cleanup: Cleanup }) {
  const { tend, batches, database, cleanup } = options;
  const runId = Date.now().toString(36);

  progress(`bare Fastify: ${batches} batches of ${batchSize} events, ${inFlight} in flight`);
  const bareUrl = await startBareServer(cleanup);
  const bare = await drive(`${bareUrl}/v1/batch`, undefined, `${runId}-bare`, batches);

  progress(`Tend /v1/batch: ${batches} batches of ${batchSize} track events, ${inFlight} in flight`);
  const tendRun = await drive(`${tend.url}/v1/batch`, tend.auth, `${runId}-tend`, batches);
  for (const failure of [...new Set(tendRun.failures)].slice(0, 3)) progress(`  refused: ${failure}`);

  progress(`raw multi-row insert: ${batches} × ${batchSize} events rows (and their contacts) into a fresh database`);
  const raw = await rawMultiRowInsert({ database, batches, batchSize, inFlight, warmupBatches, userIds, cleanup });
  const ofRaw = tendRun.eventsPerSecond / raw.eventsPerSecond;

  const rows: Comparison[] = [
    { figure: '/v1/batch events accepted/s', value: tendRun.eventsPerSecond, baseline: 'bare Fastify JSON parse', base: bare.eventsPerSecond, unit: 'events/s' },
    { figure: '/v1/batch events accepted/s', value: tendRun.eventsPerSecond, baseline: `raw multi-row insert (${raw.kind})`, base: raw.eventsPerSecond, unit: 'events/s' },
    { figure: '/v1/batch answer p50', value: tendRun.answer.p50, baseline: 'bare Fastify answer p50', base: bare.answer.p50, unit: 'duration' },
    { figure: '/v1/batch answer p95', value: tendRun.answer.p95, baseline: 'bare Fastify answer p95', base: bare.answer.p95, unit: 'duration' },
  ];
  const notes = [
    `Tend accepted ${tendRun.accepted}/${batches * batchSize} events (${tendRun.failures.length} batch(es) refused); bare accepted ${bare.accepted}.`,
    `Each batch: ${batchSize} track events with distinct messageIds over ${userIds.length} userIds; ${warmupBatches} warm-up batches excluded.`,
    `Raw insert: ${raw.inserted} events rows and ${userIds.length} contacts rows by drizzle insert(...).values([...]), ${batchSize} rows a statement, ${inFlight} in flight, in the bench's process on a fresh ${raw.kind} (migrations not timed).`,
    `Tend ÷ raw insert: ${Number.isFinite(ofRaw) ? `${number(ofRaw)}×` : '—'} (the issue's goal: at least 0.5×).`,
  ];
  return { rows, notes };
}

/**
 * Section 3b, with DATABASE_URL: the same batches to apps/server on a throwaway database of that
 * Postgres server (built, beside its worker, as deployed: its routing consumer works as it
 * stores), against the same rows inserted straight into another throwaway database there.
 */
export async function benchBatchIngestPostgres(options: { databaseUrl: string; workDir: string; cliPath: string; smtpUrl: string; batches: number; cleanup: Cleanup }) {
  const { databaseUrl, workDir, cliPath, smtpUrl, batches, cleanup } = options;
  const runId = Date.now().toString(36);
  progress('a throwaway database on the Postgres server named by DATABASE_URL, apps/server and apps/worker on it');
  const tendDatabase = await throwawayDatabase(databaseUrl);
  cleanup.defer('throwaway Postgres database (3b, Tend)', tendDatabase.close);
  const tend = await launchSplitTend({ databaseUrl: tendDatabase.url, dataDir: join(workDir, 'ingest-postgres'), cliPath, smtpUrl, cleanup });
  progress(`Tend /v1/batch on Postgres: ${batches} batches of ${batchSize} track events, ${inFlight} in flight`);
  const tendRun = await drive(`${tend.url}/v1/batch`, tend.auth, `${runId}-tend-pg`, batches);
  for (const failure of [...new Set(tendRun.failures)].slice(0, 3)) progress(`  refused: ${failure}`);
  await tend.stop();

  progress(`raw multi-row insert: ${batches} × ${batchSize} events rows (and their contacts) into another throwaway database`);
  const rawDatabase = await throwawayDatabase(databaseUrl);
  cleanup.defer('throwaway Postgres database (3b, raw insert)', rawDatabase.close);
  const raw = await rawMultiRowInsert({ database: { url: rawDatabase.url }, batches, batchSize, inFlight, warmupBatches, userIds, cleanup });
  const ofRaw = tendRun.eventsPerSecond / raw.eventsPerSecond;

  const rows: Comparison[] = [
    { figure: '/v1/batch events accepted/s', value: tendRun.eventsPerSecond, baseline: `raw multi-row insert (${raw.kind})`, base: raw.eventsPerSecond, unit: 'events/s' },
  ];
  const notes = [
    `apps/server/dist/main.js with apps/worker beside it, on a throwaway database of DATABASE_URL's server: accepted ${tendRun.accepted}/${batches * batchSize} events (${tendRun.failures.length} batch(es) refused);`,
    `  answers p50 ${format(tendRun.answer.p50, 'duration')}, p95 ${format(tendRun.answer.p95, 'duration')}.`,
    `Same batches as section 3; the raw insert as in section 3, into another throwaway database on the same server, from the bench's process.`,
    `Tend ÷ raw insert: ${Number.isFinite(ofRaw) ? `${number(ofRaw)}×` : '—'} (the issue's goal: at least 0.5×).`,
  ];
  return { rows, notes };
}

async function drive(url: string, auth: string | undefined, runId: string, batches: number): Promise<IngestRun> {
  const body = (label: string, b: number) => ({
    batch: Array.from({ length: batchSize }, (_, j) => ({
      type: 'track',
      userId: userIds[j % userIds.length],
      event: 'Bench Event',
      messageId: `bench-${runId}-${label}${b}-${j}`,
      properties: { batch: b, index: j, plan: 'pro' },
    })),
  });
  for (let b = 0; b < warmupBatches; b++) await postJson(url, body('warmup', b), auth);

  const answers: number[] = [];
  const failures: string[] = [];
  let accepted = 0;
  const ticker = setInterval(() => progress(`  ${answers.length + failures.length}/${batches} batches answered`), 2000);
  const began = performance.now();
  try {
    await runPool(
      batches,
      inFlight,
      async (b) => {
        const answer = await postJson(url, body('b', b), auth);
        const result = answer.body as { accepted?: number; duplicates?: number } | null;
        if (answer.status === 200 && result) {
          answers.push(answer.ms);
          accepted += (result.accepted ?? 0) - (result.duplicates ?? 0);
        } else {
          failures.push(`${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`);
        }
      },
      began + 120_000,
    );
  } finally {
    clearInterval(ticker);
  }
  return { eventsPerSecond: perSecond(accepted, performance.now() - began), accepted, answer: summarize(answers), failures };
}

async function startBareServer(cleanup: Cleanup): Promise<string> {
  const entry = fileURLToPath(new URL('./bare-ingest-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.defer('bare Fastify server', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
  });
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bare Fastify server did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bare Fastify server exited with ${code}:\n${output}`));
    });
  });
}
