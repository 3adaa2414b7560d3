import { readdirSync, readFileSync } from 'node:fs';
import { distinctFreePorts, exited, spawnTend } from '@tend/e2e/harness';

export const benchWriteKey = 'bench-write-key';
const stopGraceMs = 15_000;

export interface BenchTend {
  url: string;
  /** Basic authorization header carrying the bench's write key. */
  auth: string;
  /** The `npm start` entry's process: HTTP server, worker and PGlite all live in it. */
  pid: number;
  /** The environment that makes `runCli` this Tend's signed-in CLI. */
  cliEnv: Record<string, string>;
  /** Its embedded Temporal dev server, for the bench's own client. */
  temporalAddress: string;
  /** From spawning the process to the first 200 from GET /healthz. */
  msToHealthy: number;
  /** Tend's own "✓ step" lines, which time its start-up parts. */
  steps: string[];
  /** The owner's one-time sign-in link `npm start` prints, for a browser; null if it printed none. */
  signInLink: string | null;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  dataDir: string;
  smtpUrl: string;
  /** An SMS provider, so journeys with an SMS node send there (default: Tend's dev SMS catcher). */
  smsUrl?: string;
  timeoutMs?: number;
}

/**
 * Starts Tend the way `npm start` does (its entry point as a child process) on `dataDir`,
 * with free loopback ports and mail going to `smtpUrl`, and times it until healthy.
 */
export async function launchTend(options: LaunchOptions): Promise<BenchTend> {
  const [port, temporalPort, uiPort, mailPort] = await distinctFreePorts(4);
  const url = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const tend = spawnTend(url, {
    PORT: String(port),
    TEND_TEMPORAL_PORT: String(temporalPort),
    TEND_TEMPORAL_UI_PORT: String(uiPort),
    TEND_MAIL_CATCHER_PORT: String(mailPort),
    SMTP_URL: options.smtpUrl,
    ...(options.smsUrl ? { SMS_URL: options.smsUrl } : {}),
    TEND_DATA_DIR: options.dataDir,
    TEND_WRITE_KEY: benchWriteKey,
    // The bench measures Tend's own rate, not the per-key limit in front of it.
    TEND_RATE_LIMIT_INGEST: '0',
  });
  const stop = async () => {
    if (tend.child.exitCode !== null || tend.child.signalCode !== null) return;
    const done = exited(tend.child);
    tend.child.kill('SIGTERM');
    // Tend stops its own Temporal dev server on SIGTERM. If it hangs, kill it and that child too.
    const timer = setTimeout(() => {
      console.log(`  … Tend did not stop within ${stopGraceMs / 1000} s of SIGTERM: killing it and its children`);
      const children = childPids(tend.child.pid!);
      tend.child.kill('SIGKILL');
      for (const pid of children) killQuietly(pid);
    }, stopGraceMs);
    await done;
    clearTimeout(timer);
  };
  try {
    await tend.waitUntilHealthy(options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    auth: `Basic ${Buffer.from(`${benchWriteKey}:`).toString('base64')}`,
    pid: tend.child.pid!,
    cliEnv: tend.cliEnv,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    msToHealthy: performance.now() - began,
    steps: tend.output().split('\n').filter((line) => line.trimStart().startsWith('✓')).map((line) => line.trim()),
    signInLink: /Sign in\s+(https?:\/\/\S+)/.exec(tend.output())?.[1] ?? null,
    stop,
  };
}

/** Direct children of `pid`, whichever of its threads started them (Linux); empty where /proc does not list them. */
export function childPids(pid: number): number[] {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return []; // the thread ended meanwhile, or no /proc
    }
  };
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => read(`/proc/${pid}/task/${task}/children`));
  } catch {
    return [];
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
