import { basename } from 'node:path';
import type { Database } from '@tend/db';
import { beginImport, failImport, finishImport, recordProgress } from './import-runs.js';
import { openInput, type ImportInput } from './open-input.js';
import { readOnlineRetail } from './online-retail.js';
import { invoiceEvent, type ImportedEvent } from './order-events.js';
import { RetailTally, type OnlineRetailSummary } from './retail-summary.js';
import { writeEvents } from './write-events.js';

/** How far an import has got: enough for a progress bar with a rate and an ETA (from the bytes). */
export interface ImportProgress {
  /** Data lines read. */
  lines: number;
  /** Stored bytes read (compressed ones for a gzip file). */
  bytesRead: number;
  /** The stored size, when known: bytesRead / totalBytes is the fraction done. */
  totalBytes: number | undefined;
  /** Invoices read and committed (by this run, or by the one it resumes). */
  invoicesWritten: number;
  /** Lines per second in this run. */
  rate: number;
}

export interface OnlineRetailImportOptions {
  workspaceId: string;
  /** A path, or a stream of the file's bytes; gzip or plain. */
  input: ImportInput;
  /** The file's name as people see it; by default the path's base name. */
  source?: string;
  /** A streamed input's stored size (its Content-Length): the same file then gets the same fingerprint as by path. */
  size?: number;
  /** Offer the imported events to journeys, as live ones are. Off by default: history enters no journey. */
  triggerJourneys?: boolean;
  /** Invoices per transaction. */
  chunkSize?: number;
  /** Lines an invoice may go without one of its own before it is complete (see InvoiceWindow). */
  window?: number;
  /** Stops the import after the chunk being read; what was committed stays, and the next run resumes. */
  signal?: AbortSignal;
  /** Called after each chunk; an error thrown here stops the import as an abort does. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

export interface OnlineRetailImportResult extends OnlineRetailSummary {
  /** The `imports` row that records this file's import. */
  importId: string;
}

/**
 * Imports the Online Retail log into a workspace: one `Order Completed` per invoice with a valid
 * purchase and one `Order Refunded` per cancellation (see invoiceEvent), each on the customer's
 * contact (userId = CustomerID, trait `country`), at the invoice's time. Streams the file and
 * writes a chunk of invoices per transaction. The `imports` row records how far it got, so a run
 * stopped half-way is resumed by running the same file again: the lines already committed are read
 * (the summary covers the whole file) but not written again.
 */
export async function importOnlineRetail(db: Database, options: OnlineRetailImportOptions): Promise<OnlineRetailImportResult> {
  const { workspaceId, triggerJourneys = false, chunkSize = 1_000 } = options;
  const input = await openInput(options.input, { size: options.size });
  const source = options.source ?? (typeof options.input === 'string' ? basename(options.input) : 'upload');
  const run = await beginImport(db, { workspaceId, kind: 'online-retail', source, fingerprint: input.fingerprint }).catch((error: unknown) => {
    input.text.destroy();
    throw error;
  });
  const reader = readOnlineRetail(input.text, { window: options.window });
  const tally = new RetailTally(reader.counts, run.resumeAfter);
  const started = performance.now();

  let chunk: ImportedEvent[] = [];
  let invoicesInChunk = 0;
  let invoicesWritten = 0;
  let settled = run.resumeAfter;

  async function commitChunk(): Promise<void> {
    tally.eventsWritten += await writeEvents(db, chunk, { workspaceId, triggerJourneys });
    invoicesWritten += invoicesInChunk;
    chunk = [];
    invoicesInChunk = 0;
    // After the commit: a crash in between leaves lines_done behind, and the resume rewrites
    // a chunk that is already there, which adds nothing.
    await recordProgress(db, run.id, settled, tally.summary());
    const seconds = (performance.now() - started) / 1000;
    await options.onProgress?.({
      lines: reader.counts.lines,
      bytesRead: input.bytesRead(),
      totalBytes: input.totalBytes,
      invoicesWritten,
      rate: seconds > 0 ? Math.round(reader.counts.lines / seconds) : 0,
    });
  }

  try {
    for await (const invoice of reader.invoices) {
      options.signal?.throwIfAborted();
      tally.add(invoice);
      invoicesInChunk += 1;
      settled = Math.max(settled, invoice.settledLine);
      // An invoice that begins at or before the resume point was committed whole by the last run.
      const event = invoice.firstLine > run.resumeAfter ? invoiceEvent(invoice) : undefined;
      if (event) chunk.push(event);
      if (invoicesInChunk >= chunkSize) await commitChunk();
    }
    await commitChunk();
    const summary = tally.summary();
    await finishImport(db, run.id, settled, summary);
    return { importId: run.id, ...summary };
  } catch (error) {
    input.text.destroy();
    await failImport(db, run.id, error, tally.summary());
    throw error;
  }
}
