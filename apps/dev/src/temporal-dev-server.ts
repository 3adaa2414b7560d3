import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` with a SQLite file under the data directory, so
 * journeys in flight survive a restart, and waits until it answers.
 */
export async function startTemporalDevServer(options: {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
}): Promise<DevServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const pidFile = join(options.dataDir, 'temporal.pid');
  await stopOrphan(pidFile);
  for (const port of [options.port, options.uiPort]) {
    if (!(await isPortFree(port))) {
      throw new Error(`port ${port} is in use: is another Temporal running? Stop it, or set TEND_TEMPORAL_PORT / TEND_TEMPORAL_UI_PORT.`);
    }
  }
  const child = spawn(
    options.cliPath,
    [
      'server', 'start-dev',
      '--db-filename', join(options.dataDir, 'temporal.sqlite'),
      // Write-ahead log, synced at checkpoints: every write waiting on the disk capped delivery at
      // ~12 emails/s even for a bare workflow → SMTP loop (31–35/s with these). A killed process
      // loses nothing; a machine that loses power may lose its last writes, which a local runtime accepts.
      '--sqlite-pragma', 'journal_mode=wal',
      '--sqlite-pragma', 'synchronous=normal',
      '--ip', '127.0.0.1',
      '--port', String(options.port),
      '--ui-port', String(options.uiPort),
      '--log-level', 'error',
    ],
    // Its own process group: Ctrl-C reaches Tend only, which stops the worker first and then
    // this server, instead of both at once (the worker would retry against a dead server).
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child, () => stderr);
  return {
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    stop: async () => {
      await stopChild(child);
      rmSync(pidFile, { force: true });
    },
  };
}

async function waitUntilServing(address: string, child: ChildProcess, stderr: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the Temporal dev server exited with code ${child.exitCode}:\n${stderr()}\nIs port ${address} already in use?`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`the Temporal dev server did not answer on ${address} within ${timeoutMs / 1000} s:\n${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

/**
 * A dev server left running by a Tend that was killed (SIGKILL) would hold the ports: stop it,
 * if that pid still is a Temporal server (a pid can be reused), and wait for it to go.
 */
async function stopOrphan(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  const commandLine = `/proc/${pid}/cmdline`;
  if (!(pid > 0) || !existsSync(commandLine) || !readFileSync(commandLine, 'utf8').includes('start-dev')) return;
  try {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 50 && existsSync(commandLine); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  } catch {
    // already gone
  }
}
