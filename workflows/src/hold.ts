import { condition } from '@temporalio/workflow';
import type { RunState } from './run-state.js';

/**
 * Waits `ms` (a timer), or less if `ready()` turns true or something interrupts the run.
 * False when interrupted. No timer at all when the time is already up.
 */
export async function hold(run: RunState, ms: number, ready: () => boolean = () => false): Promise<boolean> {
  if (ms <= 0) return run.interrupt === null;
  await condition(() => run.interrupt !== null || ready(), ms);
  return run.interrupt === null;
}
