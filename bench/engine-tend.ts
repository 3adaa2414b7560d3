import { readdirSync, readFileSync } from 'node:fs';
import { exited, spawnTend } from '@tend/dev/testing';
import { benchWriteKey, distinctFreePorts } from './tend-instance.js';

const stopGraceMs = 15_000;

export interface EngineTend {
  url: string;
  /** Basic authorization header carrying the bench's write key. */
  auth: string;
  /** The `npm start` entry's process: HTTP server, worker and PGlite all live in it. */
  pid: number;
  /** Its embedded Temporal dev server (a child process), for the bench's own client. */
  temporalAddress: string;
  stop(): Promise<void>;
}

/**
 * Starts Tend as `npm start` does on a fresh `dataDir`, like launchTend, but can give it an
 * SMS provider (so journeys with an SMS node publish) and tells the caller its pid and
 * Temporal address, which section 4 needs to read memory and count workflows.
 */
export async function launchEngineTend(options: { dataDir: string; smtpUrl: string; smsUrl?: string }): Promise<EngineTend> {
  const [port, temporalPort, uiPort, mailPort] = await distinctFreePorts(4);
  const url = `http://127.0.0.1:${port}`;
  const tend = spawnTend(url, {
    PORT: String(port),
    TEND_TEMPORAL_PORT: String(temporalPort),
    TEND_TEMPORAL_UI_PORT: String(uiPort),
    TEND_MAIL_CATCHER_PORT: String(mailPort),
    SMTP_URL: options.smtpUrl,
    ...(options.smsUrl ? { SMS_URL: options.smsUrl } : {}),
    TEND_DATA_DIR: options.dataDir,
    TEND_WRITE_KEY: benchWriteKey,
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
    await tend.waitUntilHealthy(120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, auth: `Basic ${Buffer.from(`${benchWriteKey}:`).toString('base64')}`, pid: tend.child.pid!, temporalAddress: `127.0.0.1:${temporalPort}`, stop };
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
