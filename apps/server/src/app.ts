import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerDeps } from './context.js';
import { registerIngestRoutes } from './ingest/routes.js';
import { registerTrackingRoutes } from './tracking/routes.js';
import { appRouter, type AppRouter } from './trpc/root.js';

export interface BuildServerOptions {
  /** Directory of the built console (apps/web/dist); served at / when it exists. */
  webDir?: string;
  logger?: boolean;
}

export const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildServer(deps: ServerDeps, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  // Tracking tokens carry the send's idempotency key, longer than find-my-way's default 100.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024, routerOptions: { maxParamLength: 1000 } });

  // A body that is not JSON is the client's mistake: say so, never answer 500.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply.code(status).send({ error: status === 500 ? 'internal_error' : 'bad_request', message: error.message });
  });

  app.get('/healthz', async (_request, reply) => {
    const report = await deps.health();
    return reply.code(report.ok ? 200 : 503).send(report);
  });

  registerIngestRoutes(app, deps);
  registerTrackingRoutes(app, deps.db);

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: { router: appRouter, createContext: () => deps } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const webDir = options.webDir ?? defaultWebDir;
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir });
    app.setNotFoundHandler((request, reply) =>
      request.method === 'GET' && !/^\/(v1|trpc|t)\//.test(request.url)
        ? reply.sendFile('index.html')
        : reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url}` }),
    );
  }
  return app;
}
