import { basename } from 'node:path';
import type { Database } from '@tend/db';
import { csvRows } from './csv-rows.js';
import { beginImport, failImport, finishImport, recordProgress, type ImportRun } from './import-runs.js';
import { openInput, type ImportInput } from './open-input.js';
import type { LineProblem } from './online-retail.js';
import { upsertContacts, type ContactUpsert } from './upsert-contacts.js';

/** Which column of the file feeds which field of a contact. */
export interface ContactsCsvMapping {
  /** The column holding the contact's userId; a row without one is an error. */
  userId: string;
  email?: string;
  /** Trait name → column. An empty cell sets nothing; values are kept as the text written. */
  traits?: Record<string, string>;
}

/** A row with the mapping applied: the contact it names, or why it cannot be imported. */
export type MappedContactRow = { line: number; contact: ContactUpsert } | LineProblem;

export interface ContactsCsvSummary {
  /** Data rows read, the header not counted. */
  rows: number;
  /** Rows written as a contact (created, updated, or already so). */
  imported: number;
  /** Rows refused: unreadable, or without a userId, or with an email that is not one. */
  errors: number;
  /** The first of those (up to 100), with line numbers (the header is line 1). */
  problems: LineProblem[];
}

export interface ContactsCsvOptions {
  workspaceId: string;
  input: ImportInput;
  mapping: ContactsCsvMapping;
  /** The file's name as people see it; by default the path's base name. */
  source?: string;
  /** A streamed input's stored size (its Content-Length): the same file then gets the same fingerprint as by path. */
  size?: number;
  /** Rows per transaction. */
  chunkSize?: number;
  onProgress?: (progress: { rows: number; bytesRead: number; totalBytes: number | undefined }) => void | Promise<void>;
}

const problemsKept = 100;
const emailShape = /^[^@\s]+@[^@\s]+$/;

/**
 * Imports contacts from a CSV file with a header line, streaming, a chunk of rows per transaction
 * (one multi-row upsert each, see upsertContacts). A bad row is counted and reported with its line
 * number; the others are imported. Recorded in `imports` like any import: running the same file
 * again resumes after the last committed row, or (once finished) changes nothing more.
 */
export async function importContactsCsv(db: Database, options: ContactsCsvOptions): Promise<ContactsCsvSummary> {
  const { workspaceId, mapping, chunkSize = 1_000 } = options;
  const input = await openInput(options.input, { size: options.size });
  const source = options.source ?? (typeof options.input === 'string' ? basename(options.input) : 'upload');
  const csv = csvRows(input.text);
  const summary: ContactsCsvSummary = { rows: 0, imported: 0, errors: 0, problems: [] };
  let run: ImportRun | undefined;
  let chunk: ContactUpsert[] = [];
  let lastLine = 0;

  async function commitChunk(): Promise<void> {
    if (chunk.length > 0) await db.transaction((tx) => upsertContacts(tx, workspaceId, chunk));
    summary.imported += chunk.length;
    chunk = [];
    if (run) await recordProgress(db, run.id, lastLine, summary);
    await options.onProgress?.({ rows: summary.rows, bytesRead: input.bytesRead(), totalBytes: input.totalBytes });
  }

  try {
    for await (const row of csv.rows) {
      summary.rows += 1;
      if (summary.rows === 1) {
        checkMapping(csv.columns(), mapping);
        run = await beginImport(db, { workspaceId, kind: 'contacts-csv', source, fingerprint: input.fingerprint });
      }
      lastLine = row.line;
      const mapped = 'problem' in row ? row : mapContactRow(row.record, row.line, mapping);
      if ('problem' in mapped) {
        summary.errors += 1;
        if (summary.problems.length < problemsKept) summary.problems.push(mapped);
        continue;
      }
      // Rows an interrupted run committed are counted, not written again.
      if (run && row.line <= run.resumeAfter) continue;
      chunk.push(mapped.contact);
      if (chunk.length >= chunkSize) await commitChunk();
    }
    await commitChunk();
    if (run) await finishImport(db, run.id, lastLine, summary);
    return summary;
  } catch (error) {
    if (run) await failImport(db, run.id, error, summary).catch(() => undefined);
    throw error;
  } finally {
    input.text.destroy();
  }
}

export interface ContactsCsvPreview {
  /** The header's columns, for choosing a mapping. */
  columns: string[];
  /** The first rows as written, by column. */
  records: Array<{ line: number; record: Record<string, string> } | LineProblem>;
  /** The same rows with the mapping applied, when one is given. */
  mapped?: MappedContactRow[];
}

/** The first `limit` rows of a contacts file, raw and mapped: what the console shows before importing. */
export async function previewContactsCsv(input: ImportInput, options: { mapping?: ContactsCsvMapping; limit?: number } = {}): Promise<ContactsCsvPreview> {
  const { mapping, limit = 20 } = options;
  const opened = await openInput(input);
  const csv = csvRows(opened.text);
  const records: ContactsCsvPreview['records'] = [];
  try {
    for await (const row of csv.rows) {
      records.push(row);
      if (records.length >= limit) break;
    }
  } finally {
    opened.text.destroy();
  }
  const columns = csv.columns() ?? [];
  if (!mapping) return { columns, records };
  checkMapping(columns, mapping);
  return { columns, records, mapped: records.map((row) => ('problem' in row ? row : mapContactRow(row.record, row.line, mapping))) };
}

/** One row through the mapping. */
export function mapContactRow(record: Record<string, string>, line: number, mapping: ContactsCsvMapping): MappedContactRow {
  const userId = record[mapping.userId]?.trim();
  if (!userId) return { line, problem: `no ${mapping.userId}: a contact needs its userId` };
  const email = mapping.email ? record[mapping.email]?.trim() || null : null;
  if (email !== null && !emailShape.test(email)) return { line, problem: `${mapping.email} ${JSON.stringify(email)} is not an email address` };
  const traits: Record<string, unknown> = {};
  for (const [trait, column] of Object.entries(mapping.traits ?? {})) {
    const value = record[column]?.trim();
    if (value) traits[trait] = value;
  }
  return { line, contact: { userId, email, traits } };
}

/** A mapping naming a column the file lacks: the caller's mistake (a 400), not the server's. */
export class ContactsMappingError extends Error {}

/** Every column the mapping names must be in the file: a typo would otherwise import nothing, quietly. */
function checkMapping(columns: string[] | undefined, mapping: ContactsCsvMapping): void {
  const named = [mapping.userId, ...(mapping.email ? [mapping.email] : []), ...Object.values(mapping.traits ?? {})];
  const missing = named.filter((column) => !columns?.includes(column));
  if (missing.length > 0) {
    throw new ContactsMappingError(`the file has no column ${missing.map((c) => JSON.stringify(c)).join(', ')} (its columns: ${columns?.join(', ') || 'none'})`);
  }
}
