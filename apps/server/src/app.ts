import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { requestContext } from './auth/request-context.js';
import { registerOidcRoutes } from './auth/oidc.js';
import { registerAuthRoutes } from './auth/routes.js';
import type { ServerDeps } from './context.js';
import { registerDeliverabilityRoutes } from './deliverability/routes.js';
import { registerHardening, type HardeningOptions } from './http/hardening.js';
import { registerImportRoutes } from './imports/routes.js';
import { registerIngestRoutes } from './ingest/routes.js';
import { registerPreferenceRoutes } from './preferences/routes.js';
import { registerPushRoutes } from './push/routes.js';
import { registerSmsWebhookRoutes } from './sms/routes.js';
import { registerTrackingRoutes } from './tracking/routes.js';
import { appRouter, type AppRouter } from './trpc/root.js';

export interface BuildServerOptions extends HardeningOptions {
  /** Directory of the built console (apps/web/dist); served at / when it exists. */
  webDir?: string;
  logger?: boolean;
}

export const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildServer(deps: ServerDeps, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  // Tracking tokens carry the send's idempotency key, longer than find-my-way's default 100.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024, routerOptions: { maxParamLength: 1000 } });

  await registerHardening(app, { ...options, publicUrl: deps.publicUrl });

  app.get('/healthz', async (_request, reply) => {
    const report = await deps.health();
    return reply.code(report.ok ? 200 : 503).send(report);
  });

  await app.register(fastifyCookie);
  registerAuthRoutes(app, deps);
  registerOidcRoutes(app, deps);
  await registerIngestRoutes(app, deps);
  await registerPushRoutes(app, deps);
  registerTrackingRoutes(app, deps.db);
  registerPreferenceRoutes(app, deps.db);
  registerDeliverabilityRoutes(app, deps.db);
  registerSmsWebhookRoutes(app, deps);
  registerImportRoutes(app, deps);

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => requestContext(deps, req),
      // What the answer leaves out (an internal error's message and stack) goes to the log.
      onError: ({ error, path, req }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error, path }, 'tRPC procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const webDir = options.webDir ?? defaultWebDir;
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir });
    app.setNotFoundHandler((request, reply) =>
      request.method === 'GET' && !/^\/(v1|trpc|t|auth)\//.test(request.url)
        ? reply.sendFile('index.html')
        : reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url}` }),
    );
  }
  return app;
}
