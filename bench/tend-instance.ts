import { readFileSync } from 'node:fs';
import { exited, freePort, spawnTend } from '@tend/dev/testing';

export const benchWriteKey = 'bench-write-key';
const stopGraceMs = 15_000;

export interface BenchTend {
  url: string;
  /** Basic authorization header carrying the bench's write key. */
  auth: string;
  /** From spawning the process to the first 200 from GET /healthz. */
  msToHealthy: number;
  /** Tend's own "✓ step" lines, which time its start-up parts. */
  steps: string[];
  stop(): Promise<void>;
}

/**
 * Starts Tend the way `npm start` does (its entry point as a child process) on `dataDir`,
 * with free loopback ports and mail going to `smtpUrl`, and times it until healthy.
 */
export async function launchTend(dataDir: string, smtpUrl: string, timeoutMs = 120_000): Promise<BenchTend> {
  const [port, temporalPort, uiPort, mailPort] = await distinctFreePorts(4);
  const url = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const tend = spawnTend(url, {
    PORT: String(port),
    TEND_TEMPORAL_PORT: String(temporalPort),
    TEND_TEMPORAL_UI_PORT: String(uiPort),
    TEND_MAIL_CATCHER_PORT: String(mailPort),
    SMTP_URL: smtpUrl,
    TEND_DATA_DIR: dataDir,
    TEND_WRITE_KEY: benchWriteKey,
  });
  const stop = async () => {
    if (tend.child.exitCode !== null || tend.child.signalCode !== null) return;
    const done = exited(tend.child);
    tend.child.kill('SIGTERM');
    // Tend stops its own Temporal dev server on SIGTERM. If it hangs, kill it and that child too.
    const timer = setTimeout(() => {
      console.log(`  … Tend did not stop within ${stopGraceMs / 1000} s of SIGTERM: killing it and its children`);
      const children = childPids(tend.child.pid);
      tend.child.kill('SIGKILL');
      for (const pid of children) killQuietly(pid);
    }, stopGraceMs);
    await done;
    clearTimeout(timer);
  };
  try {
    await tend.waitUntilHealthy(timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    auth: `Basic ${Buffer.from(`${benchWriteKey}:`).toString('base64')}`,
    msToHealthy: performance.now() - began,
    steps: tend.output().split('\n').filter((line) => line.trimStart().startsWith('✓')).map((line) => line.trim()),
    stop,
  };
}

export async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** Direct children of `pid` (Linux); empty where /proc does not list them. */
function childPids(pid: number | undefined): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
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
