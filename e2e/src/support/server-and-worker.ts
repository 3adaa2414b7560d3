// apps/server and apps/worker as processes of their own, started from their production entries,
// the way an operator runs Tend on a Postgres server and a Temporal cluster. The scale test kills
// them mid-run; the bench measures them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openTestDatabase } from '@tend/db/testing';
import { exited } from './tend-process.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Output kept for an error message; the rest is dropped so a long run does not grow the parent. */
const outputTail = 20_000;
/** How long a SIGTERM may take before stop() kills. */
const stopGraceMs = 15_000;

export interface AppProcess {
  readonly pid: number;
  /** The last part of what it printed (stdout and stderr together). */
  output(): string;
  /** Resolves once it is ready (a server healthy, a worker polling); throws with its output if it exits first. */
  ready(timeoutMs?: number): Promise<void>;
  /** A clean shutdown (SIGTERM), killed if it takes longer than 15 s. */
  stop(): Promise<void>;
  /** A crash: SIGKILL, no clean shutdown; resolves once it is gone. */
  kill(): Promise<void>;
}

export interface ServerProcess extends AppProcess {
  url: string;
}

interface Shared {
  databaseUrl: string;
  temporalAddress: string;
  /** Any further variables (TEND_*, SMTP_URL…). */
  env?: Record<string, string>;
  /**
   * Run the built entry (`dist/main.js`, as the production image does: `npm run build` first)
   * rather than the source through tsx, whose compiler and source maps cost memory and start-up.
   */
  built?: boolean;
}

/** apps/server's main on 127.0.0.1:`port`. */
export function spawnServer(options: Shared & { port: number }): ServerProcess {
  const url = `http://127.0.0.1:${options.port}`;
  const healthy = () =>
    fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
  const app = spawnApp(entry('apps/server', options), { ...environment(options), HOST: '127.0.0.1', PORT: String(options.port) }, healthy, 'apps/server was not healthy');
  return { ...app, url };
}

/** apps/worker's main, polling the journeys' task queue. */
export function spawnWorker(options: Shared): AppProcess {
  const polling = async (output: string) => output.includes('Tend worker polling');
  return spawnApp(entry('apps/worker', options), environment(options), polling, 'apps/worker did not start polling');
}

function entry(app: string, { built }: Shared): { script: string; nodeArgs: string[] } {
  return built ? { script: `${app}/dist/main.js`, nodeArgs: [] } : { script: `${app}/src/main.ts`, nodeArgs: ['--conditions=@tend/source', '--import', 'tsx'] };
}

function environment({ databaseUrl, temporalAddress, env }: Shared): Record<string, string> {
  return { ...env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress };
}

function spawnApp(
  { script, nodeArgs }: { script: string; nodeArgs: string[] },
  env: Record<string, string>,
  isReady: (output: string) => Promise<boolean>,
  notReady: string,
): AppProcess {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-outputTail));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const signalled = async (signal: NodeJS.Signals) => {
    if (gone()) return;
    const done = exited(child);
    child.kill(signal);
    await done;
  };
  return {
    pid: child.pid!,
    output: () => output,
    async ready(timeoutMs = 120_000) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        if (gone()) throw new Error(`${notReady}: it exited (${child.exitCode ?? child.signalCode}):\n${output}`);
        if (await isReady(output)) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${notReady} within ${timeoutMs / 1000} s:\n${output}`);
    },
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
      await signalled('SIGTERM');
      clearTimeout(timer);
    },
    kill: () => signalled('SIGKILL'),
  };
}

/**
 * A fresh database on the Postgres server at `serverUrl`, made (and dropped on close) by the
 * project's own fixture; `url` is what to hand to Tend's processes.
 */
export async function throwawayDatabase(serverUrl: string) {
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = serverUrl; // the fixture reads it; callers keep it out of every Tend they spawn
  try {
    const handle = await openTestDatabase('postgres');
    const url = new URL(serverUrl);
    url.pathname = new URL(handle.location).pathname;
    return { db: handle.db, url: url.toString(), close: handle.close };
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}
