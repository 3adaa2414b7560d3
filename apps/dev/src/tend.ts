import { resolve, join } from 'node:path';
import { guardedFetch, providersFrom, smtpTransport, workspacePushTransports } from '@tend/channels';
import { openDatabase, type DatabaseHandle } from '@tend/db';
import { parseFetchAllowlist } from '@tend/journey';
import { loadCustomNodes } from '@tend/sdk';
import { startServer, type RunningServer } from '@tend/server';
import { ssoSettingsFrom } from '@tend/server/env';
import { createJourneyWorker } from '@tend/worker';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { ensureCliToken } from './cli-token.js';
import { lockDataDir } from './data-dir-lock.js';
import type { DevEnv } from './env.js';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';
import { startSmsCatcher, type SmsCatcher } from './sms-catcher.js';
import { resolveTemporalCli } from './temporal-binaries.js';
import { startTemporalDevServer, type DevServer } from './temporal-dev-server.js';

export interface RunningTend {
  url: string;
  /** A one-time link that signs the dev workspace's owner in to the console (a new one every start). */
  signInLink: string | null;
  writeKey: string;
  database: DatabaseHandle;
  temporalAddress: string;
  temporalUiUrl: string | null;
  smtpUrl: string;
  mailCatcher: boolean;
  server: RunningServer;
  stop(): Promise<void>;
}

type Progress = (step: string, detail: string, ms: number) => void;

/**
 * Everything in one process on embedded defaults: Postgres (PGlite on disk, one process
 * owns it, so server and worker share this process), a Temporal dev server (a child process,
 * SQLite file), the dev mail catcher, the worker and the HTTP server. Each part is replaced
 * by a real one when its variable is set: DATABASE_URL, TEMPORAL_ADDRESS, SMTP_URL.
 */
export async function startTend(env: DevEnv, progress: Progress = () => {}): Promise<RunningTend> {
  const dataDir = resolve(env.TEND_DATA_DIR);
  // Before starting anything: half of TEND_OIDC_* set is a mistake to name now.
  const sso = ssoSettingsFrom(env);
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    stops.push(lockDataDir(dataDir));

    let started = Date.now();
    const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(dataDir, 'pg') });
    stops.push(() => database.close());
    progress('Postgres', `${database.kind} at ${database.location}`, Date.now() - started);

    started = Date.now();
    let devServer: DevServer | null = null;
    if (!env.TEMPORAL_ADDRESS) {
      const cliPath = resolveTemporalCli((line) => progress('Temporal', line, 0));
      if (!cliPath) throw new Error('No Temporal CLI found. Set TEMPORAL_CLI_PATH, install python3 or go, or set TEMPORAL_ADDRESS to a cluster.');
      devServer = await startTemporalDevServer({ cliPath, dataDir: join(dataDir, 'temporal'), port: env.TEND_TEMPORAL_PORT, uiPort: env.TEND_TEMPORAL_UI_PORT });
      stops.push(() => devServer!.stop());
    }
    const temporalAddress = env.TEMPORAL_ADDRESS ?? devServer!.address;
    progress('Temporal', devServer ? `dev server on ${temporalAddress}` : `cluster at ${temporalAddress}`, Date.now() - started);

    let mailCatcher: MailCatcher | null = null;
    if (!env.SMTP_URL) {
      mailCatcher = await startMailCatcher(database.db, env.TEND_MAIL_CATCHER_PORT);
      stops.push(() => mailCatcher!.stop());
    }
    const smtpUrl = env.SMTP_URL ?? mailCatcher!.url;
    const email = smtpTransport(smtpUrl);
    stops.push(() => email.close());
    progress('Mail', mailCatcher ? `dev mail catcher on ${smtpUrl}` : `SMTP ${redact(smtpUrl)}`, 0);

    started = Date.now();
    const connection = await NativeConnection.connect({ address: temporalAddress });
    const clientConnection = await Connection.connect({ address: temporalAddress });
    stops.push(() => clientConnection.close());
    const temporal = new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE });
    const customNodes = await loadCustomNodes(env.TEND_NODES);
    let smsCatcher: SmsCatcher | null = null;
    // Twilio, when configured, takes the place of SMS_URL: no catcher then.
    if (!env.SMS_URL && !env.TWILIO_ACCOUNT_SID) {
      smsCatcher = await startSmsCatcher(database.db, env.TEND_SMS_CATCHER_PORT);
      stops.push(() => smsCatcher!.stop());
    }
    const providers = providersFrom({ ...env, SMS_URL: env.SMS_URL ?? smsCatcher?.url });
    progress('SMS', smsCatcher ? `dev SMS catcher on ${smsCatcher.url}` : env.TWILIO_ACCOUNT_SID ? `Twilio account ${env.TWILIO_ACCOUNT_SID}` : `provider ${redact(env.SMS_URL!)}`, 0);
    const publicUrl = env.TEND_PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
    const userUrlFetch = guardedFetch({ allow: env.TEND_FETCH_ALLOW });
    const worker = await createJourneyWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      db: database.db,
      email,
      sms: providers.sms,
      publicUrl,
      fetch: userUrlFetch,
      // Every workspace's pushes from this process share PUSH_RATE_LIMIT.
      push: workspacePushTransports(database.db, { fetch: userUrlFetch, publicUrl, rate: providers.pushRate }),
      temporal,
      customNodes,
    });
    const workerDone = runWorker(worker);
    stops.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerDone;
      await connection.close();
    });
    progress('Worker', 'polling for journeys', Date.now() - started);

    const server = await startServer({
      database,
      soleProcessOnDatabase: !env.DATABASE_URL,
      temporalAddress,
      temporalNamespace: env.TEMPORAL_NAMESPACE,
      host: env.HOST,
      port: env.PORT,
      writeKey: env.TEND_WRITE_KEY,
      customNodes,
      channels: providers.channels,
      // "Send test" in the editor goes through the worker's own providers (and so the dev catchers).
      senders: { email, sms: providers.sms, fetch: guardedFetch({ allow: env.TEND_FETCH_ALLOW }) },
      publicUrl: env.TEND_PUBLIC_URL,
      allowedHosts: env.TEND_ALLOWED_HOSTS,
      fetchAllowlist: parseFetchAllowlist(env.TEND_FETCH_ALLOW),
      ownerLink: 'every-start',
      sso,
      rateLimits: { ingestPerMinute: env.TEND_RATE_LIMIT_INGEST, signInPerMinute: env.TEND_RATE_LIMIT_SIGN_IN },
    });
    stops.push(() => server.close());
    progress('Server', server.url, 0);
    await ensureCliToken(database.db, server.url, env.cliConfigDir);
    progress('CLI', `npx tend is signed in to ${server.url} (token kept in ${env.cliConfigDir})`, 0);

    return {
      url: server.url,
      signInLink: server.signInLink,
      writeKey: server.workspace.writeKey,
      database,
      temporalAddress,
      temporalUiUrl: devServer?.uiUrl ?? null,
      smtpUrl,
      mailCatcher: Boolean(mailCatcher),
      server,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function runWorker(worker: Worker): Promise<void> {
  try {
    await worker.run();
  } catch (error) {
    console.error('The worker stopped:', error);
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
