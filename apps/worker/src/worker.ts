import { journeyTaskQueue } from '@tend/journey/ir';
import { sourceBundlerOptions, workflowsPath } from '@tend/workflows/path';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities.js';

export interface JourneyWorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace?: string;
  taskQueue?: string;
  /** A pre-built workflow bundle (production); without it the workflows are bundled from source. */
  workflowBundlePath?: string;
  /** Journey runs kept in memory between steps (TEND_WORKFLOW_CACHE_SIZE); default: the SDK's, sized from the heap limit. */
  cachedRuns?: number;
  /** Threads running workflow code (TEND_WORKFLOW_THREADS); default 2. */
  workflowThreads?: number;
}

export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> = options.workflowBundlePath
    ? { workflowBundle: { codePath: options.workflowBundlePath } }
    : { workflowsPath, bundlerOptions: sourceBundlerOptions };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? journeyTaskQueue,
    activities: createActivities(options),
    // npm start runs two threads, not the SDK's one: its main thread also runs PGlite, and at 20
    // identifies/s on the shared 2-core machine a welcome run's first workflow task took 0.7–2.7 s
    // (p50, bench 2b) with one thread, 0.17–0.7 s with two. A run keeps its thread. A production
    // worker's main thread has no database to run, and each thread costs an isolate's memory.
    workflowThreadPoolSize: options.workflowThreads ?? 2,
    ...(options.cachedRuns ? { maxCachedWorkflows: options.cachedRuns } : {}),
    ...workflows,
  });
}
