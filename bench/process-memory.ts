import { readFileSync } from 'node:fs';
import { childPids } from './tend-instance.js';

export interface Memory {
  /** Resident set size now (VmRSS), bytes. */
  rss: number;
  /** The highest resident set size so far (VmHWM), bytes. */
  peak: number;
}

/** Reads a process's resident memory from /proc/<pid>/status (Linux); NaN where it cannot. */
export function readMemory(pid: number): Memory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
    return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** The Temporal dev server that Tend started as its child, found by its command line. */
export function temporalServerPid(tendPid: number): number | null {
  for (const pid of childPids(tendPid)) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('start-dev')) return pid;
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

export const mib = (bytes: number) => bytes / (1024 * 1024);
