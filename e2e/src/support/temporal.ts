import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTemporalCli, resolveTestServer } from '@tend/dev';

/**
 * Temporal's time-skipping test server: a 2-day wait takes milliseconds when the test
 * calls env.sleep(). Uses the binary from the same registry routes as the dev runtime.
 */
export async function timeSkippingTemporal(): Promise<TestWorkflowEnvironment> {
  const path = resolveTestServer((line) => console.log(line));
  return TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
}

/** A real Temporal dev server (the CLI), for tests that need wall-clock behaviour. */
export async function localTemporal(): Promise<TestWorkflowEnvironment> {
  const path = resolveTemporalCli((line) => console.log(line));
  return TestWorkflowEnvironment.createLocal(
    path ? { server: { executable: { type: 'existing-path', path }, ip: '127.0.0.1' } } : {},
  );
}
