import { importOnlineRetail } from '@tend/audience';
import type { Database } from '@tend/db';
import type { Cleanup } from '../cleanup.js';
import { format, number, progress, type Comparison } from '../report.js';
import { perSecond } from '../stats.js';
import { createWorkspace, openFreshDatabase, type DatabaseTarget } from './bench-database.js';
import { rawRetailInsert } from './raw-retail-insert.js';
import type { RetailRows } from './retail-rows.js';
import { timed } from './timed.js';

/**
 * The whole Online Retail file through importOnlineRetail into `db` (a fresh database, so the
 * first run, not a resume), then the same rows by raw multi-row insert into another fresh
 * database of the same kind. Events per second for both: the import also reads and parses the
 * file, which the notes time on their own.
 */
export async function benchRetailImport(options: { db: Database; workspaceId: string; path: string; rows: RetailRows; target: DatabaseTarget; cleanup: Cleanup }) {
  const { db, workspaceId, path, rows, target, cleanup } = options;
  progress(`importOnlineRetail: the whole file into a fresh ${target.label} (about 15 s)`);
  const imported = await timed(() => importOnlineRetail(db, { workspaceId, input: path }));
  const summary = imported.result;
  const importRate = perSecond(summary.eventsWritten, imported.ms);

  progress(`raw multi-row insert: the same ${number(rows.events.length)} events and ${number(rows.contacts.length)} contacts into another fresh ${target.label}`);
  const fresh = await openFreshDatabase(target, 'raw-retail-insert', cleanup);
  const raw = await rawRetailInsert(fresh.db, await createWorkspace(fresh.db, 'bench raw insert'), rows).finally(fresh.close);
  const rawRate = perSecond(raw.events, raw.ms);

  const comparison: Comparison[] = [
    { figure: 'Online Retail import, events/s', value: importRate, baseline: 'raw multi-row insert, same rows', base: rawRate, unit: 'events/s' },
  ];
  const notes = [
    `import: ${number(summary.lines)} lines → ${number(summary.eventsWritten)} events and ${number(rows.contacts.length)} contacts in ${format(imported.ms, 'duration')} ` +
      `(${number(perSecond(summary.lines, imported.ms))} lines/s); reading, parsing and mapping the file alone took ${format(rows.readMs, 'duration')}.`,
    `raw insert: ${number(raw.contacts)} contacts then ${number(raw.events)} events rows, 1,000 a statement, one at a time, no transaction, in ${format(raw.ms, 'duration')}; ` +
      'rows built beforehand with the importer\'s own readOnlineRetail + invoiceEvent (not timed).',
  ];
  return { rows: comparison, notes };
}
