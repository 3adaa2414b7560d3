import type { DatabaseHandle } from '@tend/db';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { buildServer, type BuildServerOptions } from './app.js';
import type { ServerDeps } from './context.js';
import { checkHealth } from './health.js';
import { startPendingRouteSweeper } from './ingest/route-pending.js';
import { ensureDevWorkspace, type Workspace } from './workspace.js';

export interface StartServerOptions extends BuildServerOptions {
  database: DatabaseHandle;
  temporalAddress: string;
  temporalNamespace?: string;
  host?: string;
  port?: number;
  writeKey?: string;
  customNodes?: ServerDeps['customNodes'];
  channels?: ServerDeps['channels'];
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  workspace: Workspace;
  temporal: Client;
  close(): Promise<void>;
}

/** Connects to Temporal, makes sure the dev workspace exists and listens for HTTP. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const namespace = options.temporalNamespace ?? 'default';
  const connection = await Connection.connect({ address: options.temporalAddress });
  const temporal = new Client({ connection, namespace });
  const db = options.database.db;
  const workspace = await ensureDevWorkspace(db, options.writeKey);
  const app = await buildServer(
    {
      db,
      temporal,
      workspace,
      health: () => checkHealth(options.database, temporal, namespace),
      customNodes: options.customNodes,
      channels: options.channels,
    },
    { webDir: options.webDir, logger: options.logger },
  );
  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 3000 });
  const sweeper = startPendingRouteSweeper(db, temporal, (error) => app.log.warn({ err: error }, 'routing pending events failed'));
  return {
    app,
    url,
    workspace,
    temporal,
    async close() {
      sweeper.stop();
      await app.close();
      await connection.close();
    },
  };
}
