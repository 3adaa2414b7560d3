import { DefaultLogger, Runtime } from '@temporalio/worker';

/** The worker's INFO and WARN lines (bundling, state changes, the test server's version) would drown the bench's output. */
export function quietWorkerLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  } catch {
    // Already installed by an earlier section: keep it.
  }
}
