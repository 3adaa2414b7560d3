// Section 7: the channels (issue 12) in the bench's process: Tend's send path for email and web
// push against local protocol peers, the message policy's cost per send, and template renders,
// each beside a baseline measured in the same run. No Tend process and no Temporal: these time
// the send activity's own work, which a worker runs once per message.
import { join } from 'node:path';
import type { Cleanup } from '../cleanup.js';
import type { Comparison } from '../report.js';
import { createWorkspace, openFreshDatabase, type DatabaseTarget } from '../audience/bench-database.js';
import { benchEmailThroughput } from './email-throughput.js';
import { benchPolicyCost } from './policy-cost.js';
import { benchPushThroughput } from './push-throughput.js';
import { benchTemplateRenders } from './template-renders.js';

export type ChannelsTable = { title: string; rows: Comparison[]; notes: string[] };

/** Each table as it is done. `sends`: emails and pushes each way; policy checks and renders scale with it. */
export async function* benchChannels(options: { databaseUrl: string | undefined; workDir: string; sends: number; cleanup: Cleanup }): AsyncGenerator<ChannelsTable> {
  const { sends, cleanup } = options;
  // The ledger on the database a worker would use: a Postgres server when DATABASE_URL names one (a throwaway database), else PGlite on disk.
  const target: DatabaseTarget = options.databaseUrl
    ? { kind: 'postgres', label: 'a Postgres server', where: options.databaseUrl }
    : { kind: 'pglite', label: 'PGlite', where: join(options.workDir, 'channels-pglite') };
  const database = await openFreshDatabase(target, 'channels', cleanup);
  try {
    const { db } = database;
    const on = `ledger on ${target.label}`;
    const email = await benchEmailThroughput({ db, workspaceId: await createWorkspace(db, 'bench email'), count: sends, cleanup });
    yield { title: `7.1 emails through the send path, ${on}`, ...email };
    const policy = await benchPolicyCost({ db, workspaceIds: { bare: await createWorkspace(db, 'bench no policy'), capped: await createWorkspace(db, 'bench capped') }, checks: Math.max(100, Math.round(sends / 2)) });
    yield { title: `7.2 the message policy per send, ${on}`, ...policy };
    const push = await benchPushThroughput({ db, workspaceId: await createWorkspace(db, 'bench push'), count: sends, cleanup });
    yield { title: `7.3 web pushes through the send path, ${on}`, ...push };
  } finally {
    await database.close();
  }
  yield { title: '7.4 MJML + Liquid renders', ...(await benchTemplateRenders({ renders: Math.max(50, Math.round(sends / 2)) })) };
}
