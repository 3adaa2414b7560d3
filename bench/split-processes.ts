// Tend as an operator deploys it: apps/server and apps/worker as separate processes (their
// built production entries, the worker on its pre-built workflow bundle), on a Postgres server
// and a Temporal dev server of the bench's own.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTemporalDevServer } from '@tend/dev';
import { distinctFreePorts, spawnServer, spawnWorker } from '@tend/e2e/harness';
import { productionHeapMiB } from '@tend/worker/env';
import type { Cleanup } from './cleanup.js';
import { progress } from './report.js';
import { benchWriteKey } from './tend-instance.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

export interface SplitTend {
  url: string;
  auth: string;
  serverPid: number;
  workerPid: number;
  temporalAddress: string;
  stop(): Promise<void>;
}

/**
 * Builds apps/server and apps/worker as the production image does (`npm run build`, then the
 * worker's `npm run bundle`), starts a Temporal dev server, then both built entries on
 * `databaseUrl`, the worker with the image's heap limit; resolves once the server is healthy and the worker polls. Built, not run from
 * source through tsx, whose compiler and source maps held about 75 MiB more in the worker.
 */
export async function launchSplitTend(options: { databaseUrl: string; dataDir: string; cliPath: string; smtpUrl: string; cleanup: Cleanup }): Promise<SplitTend> {
  const { databaseUrl, dataDir, cliPath, smtpUrl, cleanup } = options;
  progress('building apps/server and apps/worker (turbo: cached after the first time) and the workflow bundle');
  await run('npx', ['turbo', 'run', 'build', '--filter=@tend/server...', '--filter=@tend/worker...', '--output-logs=errors-only'], { cwd: repoRoot });
  await run('npm', ['run', 'bundle', '-w', '@tend/worker'], { cwd: repoRoot });
  const bundlePath = join(repoRoot, 'apps/worker/dist/workflow-bundle.js');
  const [port, temporalPort, uiPort] = await distinctFreePorts(3);
  const temporal = await startTemporalDevServer({ cliPath, dataDir: join(dataDir, 'temporal'), port: temporalPort!, uiPort: uiPort! });
  const stopTemporal = cleanup.defer('Temporal dev server (split Tend)', () => temporal.stop());
  const common = { databaseUrl, temporalAddress: temporal.address };
  const server = spawnServer({ ...common, built: true, port: port!, env: { SMTP_URL: smtpUrl, TEND_WRITE_KEY: benchWriteKey, TEND_RATE_LIMIT_INGEST: '0' } });
  const stopServer = cleanup.defer('apps/server (split Tend)', server.stop);
  const worker = spawnWorker({ ...common, built: true, env: { SMTP_URL: smtpUrl, TEND_WORKFLOW_BUNDLE: bundlePath, NODE_OPTIONS: `--max-old-space-size=${productionHeapMiB}` } });
  const stopWorker = cleanup.defer('apps/worker (split Tend)', worker.stop);
  await Promise.all([server.ready(), worker.ready()]);
  return {
    url: server.url,
    auth: `Basic ${Buffer.from(`${benchWriteKey}:`).toString('base64')}`,
    serverPid: server.pid,
    workerPid: worker.pid,
    temporalAddress: temporal.address,
    async stop() {
      await stopServer();
      await stopWorker();
      await stopTemporal();
    },
  };
}

