// Production entry: the server alone, against a Postgres server and a Temporal cluster.
// For the embedded, one-command setup run `npm start` (apps/dev) instead.
import { guardedFetch, providersFrom, smtpTransport } from '@tend/channels';
import { openDatabase } from '@tend/db';
import { parseFetchAllowlist } from '@tend/journey';
import { loadCustomNodes } from '@tend/sdk';
import { readServerEnv, ssoSettingsFrom } from './env.js';
import { startServer } from './start.js';

const env = readServerEnv();
if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS) {
  console.error('apps/server on its own needs DATABASE_URL and TEMPORAL_ADDRESS. For the embedded defaults run `npm start`.');
  process.exit(1);
}
const database = await openDatabase({ url: env.DATABASE_URL });
const providers = providersFrom(env);
const server = await startServer({
  database,
  temporalAddress: env.TEMPORAL_ADDRESS,
  temporalNamespace: env.TEMPORAL_NAMESPACE,
  host: env.HOST,
  port: env.PORT,
  writeKey: env.TEND_WRITE_KEY,
  customNodes: await loadCustomNodes(env.TEND_NODES),
  publicUrl: env.TEND_PUBLIC_URL,
  allowedHosts: env.TEND_ALLOWED_HOSTS,
  fetchAllowlist: parseFetchAllowlist(env.TEND_FETCH_ALLOW),
  sso: ssoSettingsFrom(env),
  senders: {
    email: env.SMTP_URL ? smtpTransport(env.SMTP_URL) : undefined,
    sms: providers.sms,
    fetch: guardedFetch({ allow: env.TEND_FETCH_ALLOW }),
  },
  rateLimits: { ingestPerMinute: env.TEND_RATE_LIMIT_INGEST, signInPerMinute: env.TEND_RATE_LIMIT_SIGN_IN },
  logger: true,
});
console.log(`Tend server listening on ${server.url} (workspace "${server.workspace.id}")`);
if (server.signInLink) console.log(`Sign in as the owner (once; set a password in Settings, then this link is no longer printed): ${server.signInLink}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => database.close()).then(() => process.exit(0)));
}
