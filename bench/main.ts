// `npm run bench`: the first path's figures (start-up, identify → email, batch ingest), the
// journey engine's (enrolment, routing, memory of waiting runs, history per contact), the
// audience's and the channels' (the send path, the policy, renders), each printed beside a
// baseline measured in the same run. Figures are printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTemporalCli } from '@tend/dev';
import { startSmtpPeer } from '@tend/e2e/harness';
import { benchBatchIngest, benchBatchIngestPostgres } from './batch-ingest.js';
import { benchAudience } from './audience/audience-bench.js';
import { benchChannels } from './channels/channels-bench.js';
import { Cleanup } from './cleanup.js';
import { benchEditor } from './editor/editor-bench.js';
import { benchEnrolAndRoute } from './enrol-and-route.js';
import { benchHistoryLength } from './history-length.js';
import { benchIdentifyToEmail } from './identify-to-email.js';
import { loadAverage } from './load-average.js';
import { parseOptions, usage } from './options.js';
import { benchPacedIdentify } from './paced-identify.js';
import { heading, printTable, progress, quietProgress } from './report.js';
import { benchSplitWaiting } from './split-waiting.js';
import { benchStartup } from './startup.js';
import { benchWaitingMemory } from './waiting-memory.js';

const options = (() => {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
})();
if (options === 'help') {
  console.log(usage);
  process.exit(0);
}

// The bench measures the embedded defaults; a shell's cluster or database would change what it measures.
// DATABASE_URL names only the Postgres server sections 3b, 5.5, 6 and 7 make their own databases on.
const postgresUrl = process.env.DATABASE_URL || undefined;
for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'TEND_DATA_DIR'] as const) {
  if (process.env[name] && name !== 'DATABASE_URL') console.log(`(ignoring ${name} from the environment: the bench runs Tend on its embedded defaults)`);
  delete process.env[name];
}
if (postgresUrl) console.log('(DATABASE_URL is used by sections 3b, 5.5, 6 and 7 only, for throwaway databases; every other section runs on embedded PGlite)');

const cleanup = new Cleanup();
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  quietProgress();
  console.log('\nInterrupted: stopping everything the bench started…');
  void cleanup.runAll().then(() => process.exit(130));
});

const began = performance.now();
const part = options.enginePart;
const sizes = [
  ...(options.sections.engine && part === 'identify' ? [`sections 1–2b: ${options.contacts} contacts at ${options.rate}/s`] : []),
  ...(options.sections.engine && part === 'routing' ? [`sections 5.1–5.2: ${options.enrol} enrolments`] : []),
  ...(options.sections.engine && part === 'postgres' ? [`sections 3b and 5.5: ${options.batches} batches, ${options.waiting} waiting`] : []),
  ...(options.sections.engine && part === 'all' ? [`${options.contacts} contacts at ${options.rate}/s, ${options.batches} batches, ${options.enrol} enrolments, ${options.waiting} waiting`] : []),
  ...(options.sections.audience ? [options.sections.engine ? 'the audience' : 'section 6 (the audience)'] : []),
  ...(options.sections.channels ? [`${options.sections.engine ? '' : 'section 7: '}${options.channelSends} channel sends`] : []),
].join(', ');
console.log(
  `Tend bench: ${sizes} · node ${process.version} · ${cpus().length} CPU(s) · loopback only · load average ${loadAverage()} (1, 5, 15 min)`,
);
try {
  const workDir = mkdtempSync(join(tmpdir(), 'tend-bench-'));
  cleanup.defer('temporary data directories', () => rmSync(workDir, { recursive: true, force: true }));
  if (options.sections.engine) {
    const smtp = await startSmtpPeer();
    cleanup.defer('SMTP peer', () => smtp.stop());
    const cliPath = resolveTemporalCli((line) => progress(line));
    if (!cliPath) throw new Error('no Temporal CLI found: see apps/dev/README.md (TEMPORAL_CLI_PATH, python3 or go)');

    if (part === 'all' || part === 'identify') {
      heading('1. npm start → healthy');
      const startup = await benchStartup({ workDir, smtpUrl: smtp.url, cliPath, cleanup });
      printTable('Start-up', startup.rows, startup.notes);

      heading('2. identify → welcome email');
      const identify = await benchIdentifyToEmail({ tend: startup.tend, smtp, contacts: options.contacts });
      printTable(`identify → email, ${options.contacts} contacts`, identify.rows, identify.notes);
      console.log();
      const paced = await benchPacedIdentify({ tend: startup.tend, smtp, contacts: options.contacts, rate: options.rate, tendFastest: identify.throughput, cleanup });
      printTable(`2b. identify → email at a steady ${options.rate}/s, ${options.contacts} contacts`, paced.rows, paced.notes);

      if (part === 'all') {
        heading('3. /v1/batch ingest');
        // Tend runs on its embedded PGlite (DATABASE_URL is refused above), so the raw-insert baseline does too.
        const database = { dataDir: join(workDir, 'raw-insert-pglite') };
        const batch = await benchBatchIngest({ tend: startup.tend, batches: options.batches, database, cleanup });
        printTable(`/v1/batch, ${options.batches} × 100 events`, batch.rows, batch.notes);

        heading('4. the journey editor in Chromium');
        const editor = await benchEditor({ tend: startup.tend, workDir, cleanup });
        printTable('4. editor: 300-node journey', editor.rows, editor.notes);
      }
      // Section 5 starts Tends of its own (fresh, with its pid and Temporal port known): give them the machine.
      progress('stopping the warm Tend: section 5 starts its own');
      await startup.tend.stop();
    }

    if (part === 'all' || part === 'postgres') {
      heading('3b. /v1/batch ingest on a Postgres server');
      if (!postgresUrl) console.log('\n  skipped: needs DATABASE_URL (a Postgres server; the bench makes and drops databases of its own on it)');
      else {
        const batch = await benchBatchIngestPostgres({ databaseUrl: postgresUrl, workDir, cliPath, smtpUrl: smtp.url, batches: options.batches, cleanup });
        printTable(`3b. /v1/batch on Postgres, ${options.batches} × 100 events`, batch.rows, batch.notes);
      }
    }

    if (part !== 'identify') heading('5. journey engine');
    if (part === 'all' || part === 'routing') {
      const engine = await benchEnrolAndRoute({ workDir, smtpUrl: smtp.url, count: options.enrol, cleanup });
      printTable(`5.1 enrolment into abandoned cart, ${options.enrol} contacts`, engine.enrol.rows, engine.enrol.notes);
      printTable(`5.2 events routed to waiting runs, ${options.enrol} contacts`, engine.route.rows, engine.route.notes);
    }
    if (part === 'all') {
      console.log();
      const memory = await benchWaitingMemory({ workDir, smtpUrl: smtp.url, count: options.waiting, cleanup });
      printTable(`5.3 memory with ${options.waiting} contacts waiting 30 days`, memory.rows, memory.notes);
      console.log();
      const history = await benchHistoryLength({ cleanup });
      printTable('5.4 workflow history per contact, win-back', history.rows, history.notes);
    }
    if (part === 'all' || part === 'postgres') {
      console.log();
      const split = await benchSplitWaiting({ databaseUrl: postgresUrl, workDir, cliPath, smtpUrl: smtp.url, count: options.waiting, cleanup });
      const splitTitle = `5.5 ${options.waiting} contacts waiting, server and worker as separate processes on Postgres`;
      if ('skipped' in split) console.log(`\n${splitTitle}\n\n  ${split.skipped}`);
      else printTable(splitTitle, split.rows, split.notes);
    }
  }

  if (options.sections.audience) {
    heading('6. the audience: Online Retail, RFM, lifetime value, segments');
    for await (const table of benchAudience({ databaseUrl: postgresUrl, workDir, cleanup })) {
      if ('skipped' in table) console.log(`\n${table.title}\n\n  ${table.skipped}`);
      else printTable(table.title, table.rows, table.notes);
    }
  }

  if (options.sections.channels) {
    heading('7. the channels: emails and pushes through the send path, the policy, renders');
    for await (const table of benchChannels({ databaseUrl: postgresUrl, workDir, sends: options.channelSends, cleanup })) printTable(table.title, table.rows, table.notes);
  }

  console.log(`\nDone in ${((performance.now() - began) / 1000).toFixed(0)} s, load average ${loadAverage()} (1, 5, 15 min). Ratio = figure ÷ baseline.`);
} catch (error) {
  if (!interrupted) {
    console.error(`\nThe bench stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
} finally {
  if (!interrupted) {
    progress('stopping every Tend, the bare server and the peers');
    await cleanup.runAll();
    // Undici's keep-alive sockets would hold the process open for a few seconds more.
    process.exit(process.exitCode ?? 0);
  }
}
