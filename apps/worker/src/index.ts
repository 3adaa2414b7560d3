export { createActivities, type ActivityDeps } from './activities.js';
export { sendEmail } from './nodes/send-email.js';
export { createJourneyWorker, type JourneyWorkerOptions } from './worker.js';
export { readWorkerEnv, workerEnvSchema, type WorkerEnv } from './env.js';
