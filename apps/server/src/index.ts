export { buildServer, defaultWebDir, type BuildServerOptions } from './app.js';
export type { ServerDeps } from './context.js';
export { readServerEnv, serverEnvSchema, type ServerEnv } from './env.js';
export { checkHealth, type HealthReport } from './health.js';
export { routePendingEvents } from './ingest/route-pending.js';
export { startServer, type RunningServer, type StartServerOptions } from './start.js';
export { appRouter, createCaller, type AppRouter } from './trpc/root.js';
export { devWorkspaceId, ensureDevWorkspace, type Workspace } from './workspace.js';
