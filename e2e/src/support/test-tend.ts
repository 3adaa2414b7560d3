import { guardedFetch, httpSmsTransport, smtpTransport, twilioSmsTransport } from '@tend/channels';
import { eq, users, type DatabaseHandle } from '@tend/db';
import { openTestDatabase, type TestDatabaseKind } from '@tend/db/testing';
import { parseFetchAllowlist } from '@tend/journey';
import { buildServer, checkHealth, startServerRouting, devOwnerEmail, ensureDevWorkspace, type BuildServerOptions, type ServerDeps, type UserPrincipal, type Workspace } from '@tend/server';
import { createJourneyWorker } from '@tend/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { startHttpPeer, startSmtpPeer, startTwilioPeer, type HttpPeer, type SmtpPeer, type TwilioPeer } from '@tend/channels/testing';
import { localTemporal, timeSkippingTemporal } from './temporal.js';
import { sharedWorkflowBundle } from './workflow-bundle.js';

/** Email links in tests point here; tests follow them with app.inject. */
export const trackingBaseUrl = 'http://tend.test';

export interface TestTend {
  app: FastifyInstance;
  env: TestWorkflowEnvironment;
  database: DatabaseHandle;
  workspace: Workspace;
  /** The dev workspace's owner, as the console's API sees them (no cookie, so no CSRF check). */
  owner: UserPrincipal;
  smtp: SmtpPeer;
  /** The SMS provider (an HTTP peer at /v1/messages), with `{ sms: true }`. */
  smsProvider?: HttpPeer;
  /** The SMS provider speaking Twilio's Messages API (texts from +14155550100), with `{ sms: 'twilio' }`. */
  twilio?: TwilioPeer;
  worker: Worker;
  /** Basic authorization header carrying the workspace's write key. */
  auth: string;
  /**
   * Resolves once every event stored so far has been routed. Ingestion answers as soon as events
   * are stored and routes them beside the answer; a test that then skips time waits for this first.
   */
  routed(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole of Tend in the test process on real parts: Temporal's time-skipping server,
 * Postgres (PGlite, or the server named by DATABASE_URL), a real SMTP peer, the worker and
 * the HTTP app (exercised through fastify's inject, no port needed).
 */
export interface TestTendOptions {
  database?: TestDatabaseKind;
  /** Also start an SMS provider peer and configure SMS: a generic HTTP API (`true`), or Twilio's Messages API (`'twilio'`). */
  sms?: boolean | 'twilio';
  /** The time-skipping test server (default), or a real dev server where a test needs Temporal's exact behaviour. */
  temporal?: 'time-skipping' | 'dev-server';
  /** Single sign-on through this provider (a local OpenID Connect peer). */
  sso?: ServerDeps['sso'];
  /** The server's own address when a test makes it listen (SSO's redirect URI is built on it); email links keep trackingBaseUrl. */
  publicUrl?: string;
  /** Requests a minute (TEND_RATE_LIMIT_*), for a file that signs in more often than a person would. */
  rateLimits?: BuildServerOptions['rateLimits'];
  /** Internal addresses the worker and server may reach (TEND_FETCH_ALLOW), e.g. a local push service's 127.0.0.1. */
  fetchAllow?: string[];
}

export async function startTestTend(options: TestTendOptions = {}): Promise<TestTend> {
  const [env, database, smtp, smsProvider, workflowBundlePath] = await Promise.all([
    options.temporal === 'dev-server' ? localTemporal() : timeSkippingTemporal(),
    openTestDatabase(options.database),
    startSmtpPeer(),
    options.sms === true ? startHttpPeer() : undefined,
    sharedWorkflowBundle(),
  ]);
  const workspace = await ensureDevWorkspace(database.db, 'test-write-key');
  const [owner] = await database.db.select({ userId: users.id, email: users.email }).from(users).where(eq(users.email, devOwnerEmail));
  const email = smtpTransport(smtp.url);
  const twilio = options.sms === 'twilio' ? await startTwilioPeer() : undefined;
  const sms = twilio
    ? twilioSmsTransport({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+14155550100', baseUrl: twilio.url })
    : smsProvider
      ? httpSmsTransport(`${smsProvider.url}/v1/messages`)
      : undefined;
  const fetch = options.fetchAllow ? guardedFetch({ allow: options.fetchAllow }) : undefined;
  const worker = await createJourneyWorker({ connection: env.nativeConnection, db: database.db, email, sms, fetch, temporal: env.client, publicUrl: trackingBaseUrl, workflowBundlePath });
  const running = worker.run();
  const routing = startServerRouting(database.db, env.client, { onError: (error) => console.warn('routing events failed', error) });
  const app = await buildServer(
    {
      db: database.db,
      temporal: env.client,
      health: () => checkHealth(database, env.client, 'default'),
      // Email links point here, so the app answers to this host as well as to inject's localhost.
      publicUrl: options.publicUrl ?? trackingBaseUrl,
      sso: options.sso,
      fetchAllowlist: options.fetchAllow ? parseFetchAllowlist(options.fetchAllow) : undefined,
      routing,
    },
    { rateLimits: options.rateLimits },
  );
  return {
    app,
    env,
    database,
    workspace,
    owner: { kind: 'user', userId: owner!.userId, email: owner!.email, session: null },
    smtp,
    smsProvider,
    twilio,
    worker,
    auth: `Basic ${Buffer.from(`${workspace.writeKey}:`).toString('base64')}`,
    routed: () => routing.drained(),
    async stop() {
      await app.close();
      await routing.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      email.close();
      await Promise.all([smtp.stop(), smsProvider?.stop(), twilio?.stop()]);
      await env.teardown();
      await database.close();
    },
  };
}
