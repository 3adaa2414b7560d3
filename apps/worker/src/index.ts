export { createActivities, type ActivityDeps } from './activities.js';
export { sendEmail } from './nodes/send-email.js';
export { createJourneyWorker, sourceBundlerOptions, type JourneyWorkerOptions } from './worker.js';
export { readWorkerEnv, type WorkerEnv } from './env.js';
