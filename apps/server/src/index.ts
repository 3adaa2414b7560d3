export { buildServer, defaultWebDir, type BuildServerOptions } from './app.js';
export { createApiToken, principalForApiToken } from './auth/api-tokens.js';
export type { Principal, UserPrincipal } from './auth/principal.js';
export type { MessageSenders, RequestContext, ServerDeps } from './context.js';
export { readServerEnv, serverEnvSchema, type ServerEnv } from './env.js';
export { checkHealth, type HealthReport } from './health.js';
export { startServer, type RunningServer, type StartServerOptions } from './start.js';
export { appRouter, createCaller, type AppRouter } from './trpc/root.js';
export { createWorkspace, devOwnerEmail, devWorkspaceId, ensureDevWorkspace, ownerSignInLink, type Workspace } from './workspace.js';
