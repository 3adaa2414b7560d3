// Tend as an operator deploys it: apps/server and apps/worker as separate processes (their
// production entries), on a Postgres server and a Temporal dev server of the bench's own.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTemporalDevServer } from '@tend/dev';
import { exited } from '@tend/e2e/harness';
import type { Cleanup } from './cleanup.js';
import { benchWriteKey, distinctFreePorts } from './tend-instance.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
/** Child output kept for an error message; the rest is dropped so a long run does not grow the bench. */
const outputTail = 20_000;

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
  const common = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, SMTP_URL: smtpUrl };
  const server = spawnEntry('apps/server/src/main.ts', { ...common, HOST: '127.0.0.1', PORT: String(port), TEND_WRITE_KEY: benchWriteKey, TEND_RATE_LIMIT_INGEST: '0' });
  const stopServer = cleanup.defer('apps/server (split Tend)', server.stop);
  const worker = spawnEntry('apps/worker/src/main.ts', common);
  const stopWorker = cleanup.defer('apps/worker (split Tend)', worker.stop);
  const url = `http://127.0.0.1:${port}`;
  await Promise.all([
    until(() => fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false), server, 120_000, 'apps/server was not healthy'),
    until(async () => worker.output().includes('Tend worker polling'), worker, 120_000, 'apps/worker did not start polling'),
  ]);
  return {
    url,
    auth: `Basic ${Buffer.from(`${benchWriteKey}:`).toString('base64')}`,
    serverPid: server.child.pid!,
    workerPid: worker.child.pid!,
    temporalAddress: temporal.address,
    async stop() {
      await stopServer();
      await stopWorker();
      await stopTemporal();
    },
  };
}

interface Entry {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function spawnEntry(entry: string, env: Record<string, string>): Entry {
  const child = spawn(process.execPath, ['--conditions=@tend/source', '--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-outputTail));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
}

async function until(ready: () => Promise<boolean>, entry: Entry, timeoutMs: number, failure: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (entry.child.exitCode !== null) throw new Error(`${failure}: it exited with ${entry.child.exitCode}:\n${entry.output()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${failure} within ${timeoutMs / 1000} s:\n${entry.output()}`);
}
