import { loadavg } from 'node:os';

/**
 * The machine's load average over 1, 5 and 15 minutes ("1.52 1.20 0.98"), printed beside each
 * section so a reader can tell a run that shared the machine. Zeros where the OS does not keep
 * one (Windows).
 */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}
