import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startTemporalDevServer } from '@tend/dev';
import type { Cleanup } from './cleanup.js';
import { progress, type Comparison } from './report.js';
import { median } from './stats.js';
import { distinctFreePorts } from '@tend/e2e/harness';
import { launchTend, type BenchTend } from './tend-instance.js';

export interface StartupResult {
  rows: Comparison[];
  notes: string[];
  /** The warm instance, left running for the sections after this one. */
  tend: BenchTend;
}

/**
 * Time from `npm start` to healthy on an empty data directory (migrations, a new Temporal
 * SQLite file) and again on the same directory, beside the Temporal dev server alone and a
 * bare Node process.
 */
export async function benchStartup(options: { workDir: string; smtpUrl: string; cliPath: string; cleanup: Cleanup }): Promise<StartupResult> {
  const { workDir, smtpUrl, cliPath, cleanup } = options;

  progress('bare `node -e ""`, 5 runs');
  const nodeRuns: number[] = [];
  for (let run = 0; run < 5; run++) nodeRuns.push(await timeBareNode());
  const bareNode = median(nodeRuns);

  const temporalDir = join(workDir, 'temporal-alone');
  progress('Temporal dev server alone, empty data directory');
  const temporalCold = await timeTemporalAlone(cliPath, temporalDir);
  progress(`  answered in ${(temporalCold / 1000).toFixed(2)} s; again on the same directory`);
  const temporalWarm = await timeTemporalAlone(cliPath, temporalDir);
  progress(`  answered in ${(temporalWarm / 1000).toFixed(2)} s`);

  const tendDir = join(workDir, 'tend');
  progress('npm start on an empty data directory (cold)');
  const cold = await launchTend({ dataDir: tendDir, smtpUrl });
  const stopCold = cleanup.defer('Tend (cold)', cold.stop);
  for (const step of cold.steps) progress(`  ${step}`);
  progress(`  healthy in ${(cold.msToHealthy / 1000).toFixed(2)} s; stopping it`);
  await stopCold();

  progress('npm start again on the same data directory (warm)');
  const warm = await launchTend({ dataDir: tendDir, smtpUrl });
  cleanup.defer('Tend (warm)', warm.stop);
  for (const step of warm.steps) progress(`  ${step}`);
  progress(`  healthy in ${(warm.msToHealthy / 1000).toFixed(2)} s; kept running for the next sections`);

  return {
    tend: warm,
    rows: [
      { figure: 'npm start → healthy, cold', value: cold.msToHealthy, baseline: 'Temporal dev server alone, cold', base: temporalCold, unit: 'duration' },
      { figure: 'npm start → healthy, warm', value: warm.msToHealthy, baseline: 'Temporal dev server alone, warm', base: temporalWarm, unit: 'duration' },
      { figure: 'npm start → healthy, warm', value: warm.msToHealthy, baseline: 'bare `node -e ""` (median of 5)', base: bareNode, unit: 'duration' },
    ],
    notes: [
      'cold = empty TEND_DATA_DIR (Postgres migrations, new Temporal SQLite); warm = the same directory again.',
      'Tend is polled every 200 ms and Temporal every 250 ms, so both figures are late by up to that.',
    ],
  };
}

function timeBareNode(): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - began));
  });
}

/** Until the dev server answers an RPC; it is stopped at once (on failure it stops itself). */
async function timeTemporalAlone(cliPath: string, dataDir: string): Promise<number> {
  const [port, uiPort] = await distinctFreePorts(2);
  const began = performance.now();
  const server = await startTemporalDevServer({ cliPath, dataDir, port: port!, uiPort: uiPort! });
  const elapsed = performance.now() - began;
  await server.stop();
  return elapsed;
}
