// Section 6: the audience (issue 11) on the Online Retail log, on embedded PGlite and, with
// DATABASE_URL, on a Postgres server: import, RFM, lifetime-value fit, live segment counts, and
// the segment-entry trigger, each beside a baseline measured in the same run on the same kind of database.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from '../cleanup.js';
import { number, progress, type Comparison } from '../report.js';
import { createWorkspace, databaseTargets, openFreshDatabase, type DatabaseTarget } from './bench-database.js';
import { benchLifetimeValues } from './lifetime-value-timing.js';
import { benchRetailImport } from './retail-import.js';
import { readRetailRows, type RetailRows } from './retail-rows.js';
import { benchRfm } from './rfm-timing.js';
import { benchSegmentCounts } from './segment-count.js';
import { benchSegmentTrigger } from './segment-trigger.js';

/** The shared data sets sit beside the repository: /work/main/../shared/data. */
export const onlineRetailFile = fileURLToPath(new URL('../../../shared/data/online-retail/online-retail.csv.gz', import.meta.url));
/** The day after the last invoice (2011-12-09 12:50 London, GMT in December): the "now" of RFM, the fit and the counts. */
const asOf = new Date('2011-12-10T00:00:00Z');
const triggerContacts = 50;

export type AudienceTable = { title: string; rows: Comparison[]; notes: string[] } | { title: string; skipped: string };

/**
 * Runs each part on each database kind in turn, handing out each table as it is done (the
 * section takes minutes): a part that cannot run is a table that says why.
 */
export async function* benchAudience(options: { databaseUrl: string | undefined; workDir: string; cleanup: Cleanup }): AsyncGenerator<AudienceTable> {
  const { databaseUrl, workDir, cleanup } = options;
  if (!existsSync(onlineRetailFile)) {
    yield { title: '6. the audience', skipped: `skipped: the Online Retail data set is not at ${onlineRetailFile}` };
    return;
  }

  progress("reading the Online Retail file into memory with the importer's reader: the raw-insert baseline's rows");
  const rows = await readRetailRows(onlineRetailFile);
  progress(`  ${number(rows.lines)} lines → ${number(rows.events.length)} events on ${number(rows.contacts.length)} contacts`);

  for (const target of databaseTargets(workDir, databaseUrl)) {
    yield { title: `6.1 Online Retail audience on ${target.label}`, ...(await benchOnlineRetail(target, rows, cleanup)) };
    const trigger = await benchSegmentTrigger({ target, count: triggerContacts, cleanup });
    yield { title: `6.2 event → segment entry → journey started on ${target.label}, ${triggerContacts} contacts`, ...trigger };
  }
  if (!databaseUrl) yield { title: '6.1–6.2 on a Postgres server', skipped: 'skipped: needs DATABASE_URL (the bench makes and drops databases of its own on that server)' };
}

/** Import, RFM, lifetime values and live counts on one fresh database holding the whole log. */
async function benchOnlineRetail(target: DatabaseTarget, rows: RetailRows, cleanup: Cleanup): Promise<{ rows: Comparison[]; notes: string[] }> {
  const database = await openFreshDatabase(target, 'online-retail', cleanup);
  try {
    const { db } = database;
    const workspaceId = await createWorkspace(db, 'bench Online Retail');
    const parts = [
      await benchRetailImport({ db, workspaceId, path: onlineRetailFile, rows, target, cleanup }),
      await benchRfm(db, workspaceId, asOf),
      await benchLifetimeValues(db, workspaceId, asOf),
      await benchSegmentCounts(db, workspaceId, asOf),
    ];
    return {
      rows: parts.flatMap((part) => part.rows),
      notes: [...parts.flatMap((part) => part.notes), `${target.kind === 'pglite' ? 'PGlite on disk in the bench\'s process' : 'throwaway databases on the Postgres server'}; "now" = ${asOf.toISOString()}.`],
    };
  } finally {
    await database.close();
  }
}
