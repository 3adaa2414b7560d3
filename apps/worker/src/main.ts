// Production entry: one worker process; run as many as the load needs.
import { guardedFetch, providersFrom, smtpTransport, workspacePushTransports } from '@tend/channels';
import { openDatabase } from '@tend/db';
import { loadCustomNodes } from '@tend/sdk';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { getHeapStatistics } from 'node:v8';
import { heapShortfall, readWorkerEnv } from './env.js';
import { createJourneyWorker } from './worker.js';

const env = readWorkerEnv();
if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS || !env.SMTP_URL) {
  console.error('apps/worker on its own needs DATABASE_URL, TEMPORAL_ADDRESS and SMTP_URL. For the embedded defaults run `npm start`.');
  process.exit(1);
}
const shortfall = heapShortfall(env, getHeapStatistics().heap_size_limit / 2 ** 20);
if (shortfall) console.warn(`Warning: ${shortfall}.`);
const providers = providersFrom(env);
const userUrlFetch = guardedFetch({ allow: env.TEND_FETCH_ALLOW });
const database = await openDatabase({ url: env.DATABASE_URL });
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await createJourneyWorker({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  db: database.db,
  email: smtpTransport(env.SMTP_URL),
  sms: providers.sms,
  publicUrl: env.TEND_PUBLIC_URL,
  fetch: userUrlFetch,
  // Every workspace's pushes from this process share PUSH_RATE_LIMIT.
  push: workspacePushTransports(database.db, { fetch: userUrlFetch, publicUrl: env.TEND_PUBLIC_URL, rate: providers.pushRate }),
  workflowBundlePath: env.TEND_WORKFLOW_BUNDLE,
  cachedRuns: env.TEND_WORKFLOW_CACHE_SIZE,
  workflowThreads: env.TEND_WORKFLOW_THREADS,
  customNodes: await loadCustomNodes(env.TEND_NODES),
  temporal: new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE }),
});
console.log(`Tend worker polling on ${env.TEMPORAL_ADDRESS}`);
await worker.run(); // resolves after SIGINT/SIGTERM, which the Temporal runtime handles
await connection.close();
await clientConnection.close();
await database.close();
