import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { testRunDir } from '@tend/db/testing';
import { sourceBundlerOptions, workflowsPath } from '@tend/workflows/path';

/**
 * The workflow bundle this test run's Tends share: made from the sources by the first that needs
 * it (webpack takes seconds of CPU, and each e2e file starts its own worker), as the worker would
 * make it (same entry, same bundler options). Undefined outside a test run (bench, scripts): the
 * worker then bundles from source itself.
 */
export async function sharedWorkflowBundle(): Promise<string | undefined> {
  const dir = testRunDir();
  if (!dir) return undefined;
  const path = join(dir, 'workflow-bundle.js');
  if (existsSync(path)) return path;
  const { code } = await bundleWorkflowCode({ workflowsPath, ...sourceBundlerOptions });
  // Written aside and renamed: another worker never reads half a file (two that race both bundle, harmlessly).
  const partial = `${path}.${randomUUID()}.partial`;
  await writeFile(partial, code);
  await rename(partial, path);
  return path;
}
