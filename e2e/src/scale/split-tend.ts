// Tend as a scaled-out deploy runs it: several apps/server and apps/worker processes on one
// Postgres database and one Temporal server, mail going to a local SMTP peer.
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startSmtpPeer, type SmtpPeer } from '@tend/channels/testing';
import { eq, workspaces, type Database } from '@tend/db';
import { sourceBundlerOptions, workflowsPath } from '@tend/workflows/path';
import { freePort } from '../support/free-port.js';
import { spawnServer, spawnWorker, throwawayDatabase, type AppProcess, type ServerProcess } from '../support/server-and-worker.js';
import { localTemporal } from '../support/temporal.js';

const writeKey = 'scale-write-key';

export interface SplitTend {
  db: Database;
  temporal: TestWorkflowEnvironment;
  smtp: SmtpPeer;
  servers: ServerProcess[];
  workers: AppProcess[];
  /** Basic authorization carrying the write key every server shares. */
  auth: string;
  workspaceId: string;
  stop(): Promise<void>;
}

/** Starts `servers` apps/server and `workers` apps/worker processes on a throwaway database of the Postgres server at `postgresUrl`. */
export async function startSplitTend(postgresUrl: string, counts: { servers: number; workers: number }): Promise<SplitTend> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const dir = await mkdtemp(join(tmpdir(), 'tend-scale-'));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    const [database, smtp, temporal, bundlePath] = await Promise.all([
      throwawayDatabase(postgresUrl),
      startSmtpPeer(),
      localTemporal(),
      // Bundled once here, not by each worker (webpack takes seconds of CPU): production workers load one pre-built bundle too.
      bundleWorkflowCode({ workflowsPath, ...sourceBundlerOptions }).then(({ code }) => {
        const path = join(dir, 'workflow-bundle.js');
        writeFileSync(path, code);
        return path;
      }),
    ]);
    stops.push(database.close, smtp.stop, () => temporal.teardown());
    const common = { databaseUrl: database.url, temporalAddress: temporal.address };

    const workers = Array.from({ length: counts.workers }, () => spawnWorker({ ...common, env: { SMTP_URL: smtp.url, TEND_WORKFLOW_BUNDLE: bundlePath } }));
    stops.push(() => Promise.all(workers.map((worker) => worker.stop())));
    const servers: ServerProcess[] = [];
    stops.push(() => Promise.all(servers.map((server) => server.stop())));
    const ports = new Set<number>();
    while (ports.size < counts.servers) ports.add(await freePort());
    // One after the other: a server's first start creates the workspace (a select, then an insert), which two at once could both try.
    for (const port of ports) {
      const server = spawnServer({ ...common, port, env: { TEND_WRITE_KEY: writeKey, TEND_RATE_LIMIT_INGEST: '0' } });
      servers.push(server);
      await server.ready();
    }
    await Promise.all(workers.map((worker) => worker.ready()));

    return {
      db: database.db,
      temporal,
      smtp,
      servers,
      workers,
      auth: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
      workspaceId: await workspaceOf(database.db),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function workspaceOf(db: Database): Promise<string> {
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.writeKey, writeKey));
  if (!workspace) throw new Error('apps/server made no workspace for the write key');
  return workspace.id;
}
