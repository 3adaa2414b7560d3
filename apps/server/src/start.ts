import { ensureVapidKeys } from '@tend/channels';
import type { DatabaseHandle } from '@tend/db';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { buildServer, type BuildServerOptions } from './app.js';
import { ensureAudienceSchedule } from './audience/refresh.js';
import { startServerRouting } from './audience/routing.js';
import type { ServerDeps } from './context.js';
import { checkHealth } from './health.js';
import { allowedHostsFor } from './http/allowed-hosts.js';
import { ensureDevWorkspace, ownerSignInLink, type Workspace } from './workspace.js';

export interface StartServerOptions extends BuildServerOptions {
  database: DatabaseHandle;
  /** No other process shares the database (embedded PGlite): routing takes every partition at once. */
  soleProcessOnDatabase?: boolean;
  temporalAddress: string;
  temporalNamespace?: string;
  host?: string;
  port?: number;
  writeKey?: string;
  customNodes?: ServerDeps['customNodes'];
  channels?: ServerDeps['channels'];
  /** The console's public address (TEND_PUBLIC_URL), for sign-in and invitation links. */
  publicUrl?: string;
  fetchAllowlist?: ServerDeps['fetchAllowlist'];
  /** Single sign-on (TEND_OIDC_*); its redirect URI is `<publicUrl or the server's URL>/auth/oidc/callback`. */
  sso?: ServerDeps['sso'];
  /** The providers the worker sends through, for the editor's "Send test". */
  senders?: ServerDeps['senders'];
  /** `npm start` prints a sign-in link on every start; a production server only until the owner has a password (default). */
  ownerLink?: 'every-start' | 'until-password';
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  workspace: Workspace;
  /** A one-time link that signs the dev workspace's owner in to the console (see ownerLink). */
  signInLink: string | null;
  temporal: Client;
  close(): Promise<void>;
}

/** Connects to Temporal, makes sure the dev workspace exists and listens for HTTP. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // Before connecting to anything: listening beyond loopback needs the server's public name.
  allowedHostsFor({ publicUrl: options.publicUrl, allowedHosts: options.allowedHosts, host });
  const namespace = options.temporalNamespace ?? 'default';
  const connection = await Connection.connect({ address: options.temporalAddress });
  const temporal = new Client({ connection, namespace });
  const db = options.database.db;
  const workspace = await ensureDevWorkspace(db, options.writeKey);
  // Workspaces made before web push had keys get theirs now, once: a key is never replaced.
  await ensureVapidKeys(db);
  const deps: ServerDeps = {
    db,
    temporal,
    health: () => checkHealth(options.database, temporal, namespace),
    customNodes: options.customNodes,
    channels: options.channels,
    publicUrl: options.publicUrl,
    fetchAllowlist: options.fetchAllowlist,
    sso: options.sso,
    senders: options.senders,
  };
  const app = await buildServer(deps, { webDir: options.webDir, logger: options.logger, host, allowedHosts: options.allowedHosts, rateLimits: options.rateLimits });
  // Started once the app can log; ingestion reads deps.routing when a request comes.
  const routing = startServerRouting(db, temporal, { exclusive: options.soleProcessOnDatabase, onError: (error) => app.log.warn({ err: error }, 'routing events failed; they stay stored and are retried') });
  deps.routing = routing;
  await ensureAudienceSchedule(temporal);
  const url = await app.listen({ host, port: options.port ?? 3000 });
  const signInLink = await ownerSignInLink(db, options.publicUrl ?? url, { untilPassword: options.ownerLink !== 'every-start' });
  return {
    app,
    url,
    workspace,
    signInLink,
    temporal,
    async close() {
      await app.close();
      await routing.stop();
      await connection.close();
    },
  };
}
