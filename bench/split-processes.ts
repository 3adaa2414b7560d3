// Tend as an operator deploys it: apps/server and apps/worker as separate processes (their
// production entries), on a Postgres server and a Temporal dev server of the bench's own.
import { join } from 'node:path';
import { startTemporalDevServer } from '@tend/dev';
import { spawnServer, spawnWorker } from '@tend/e2e/harness';
import type { Cleanup } from './cleanup.js';
import { benchWriteKey, distinctFreePorts } from './tend-instance.js';

export interface SplitTend {
  url: string;
  auth: string;
  serverPid: number;
  workerPid: number;
  temporalAddress: string;
  stop(): Promise<void>;
}

/** Starts a Temporal dev server, then apps/server and apps/worker on `databaseUrl`; resolves once the server is healthy and the worker polls. */
export async function launchSplitTend(options: { databaseUrl: string; dataDir: string; cliPath: string; smtpUrl: string; cleanup: Cleanup }): Promise<SplitTend> {
  const { databaseUrl, dataDir, cliPath, smtpUrl, cleanup } = options;
  const [port, temporalPort, uiPort] = await distinctFreePorts(3);
  const temporal = await startTemporalDevServer({ cliPath, dataDir: join(dataDir, 'temporal'), port: temporalPort!, uiPort: uiPort! });
  const stopTemporal = cleanup.defer('Temporal dev server (split Tend)', () => temporal.stop());
  const common = { databaseUrl, temporalAddress: temporal.address };
  const server = spawnServer({ ...common, port: port!, env: { SMTP_URL: smtpUrl, TEND_WRITE_KEY: benchWriteKey, TEND_RATE_LIMIT_INGEST: '0' } });
  const stopServer = cleanup.defer('apps/server (split Tend)', server.stop);
  const worker = spawnWorker({ ...common, env: { SMTP_URL: smtpUrl } });
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
