import type { Readable } from 'node:stream';
import { csvRows } from './csv-rows.js';
import { InvoiceWindow, type Invoice } from './invoice-window.js';
import { readRetailLine, retailColumns } from './online-retail-line.js';

export type { Invoice, InvoiceLine } from './invoice-window.js';

/** A line skipped, and why: shown to the user with its line number (the header is line 1). */
export interface LineProblem {
  line: number;
  problem: string;
}

/** What reading the log found, line by line; kept up to date as the invoices are read. */
export interface OnlineRetailCounts {
  /** Data lines read, the header not counted, malformed ones counted. */
  lines: number;
  /** Lines of `C…` invoices. */
  cancellationLines: number;
  /** Lines with no CustomerID: counted, and skipped (no one to attach them to). */
  linesWithoutCustomer: number;
  /** Lines skipped as unreadable: bad CSV, a bad number or date, or late for their invoice. */
  malformedLines: number;
  /** The first of those (up to 100), with line numbers. */
  problems: LineProblem[];
}

export interface OnlineRetailReader {
  /** The invoices with a customer, in the order they begin in the file. */
  invoices: AsyncIterable<Invoice>;
  counts: OnlineRetailCounts;
}

const problemsKept = 100;

/**
 * Reads the Online Retail log (UCI; one line per invoice line) as a stream of invoices, holding
 * only the invoices still open (see InvoiceWindow). `window` is how many lines an invoice may go
 * without a line of its own before it is taken as complete.
 */
export function readOnlineRetail(text: Readable, options: { window?: number } = {}): OnlineRetailReader {
  const counts: OnlineRetailCounts = { lines: 0, cancellationLines: 0, linesWithoutCustomer: 0, malformedLines: 0, problems: [] };
  const csv = csvRows(text);
  const window = new InvoiceWindow(options.window ?? 2_000);

  function reject(problem: LineProblem): void {
    counts.malformedLines += 1;
    if (counts.problems.length < problemsKept) counts.problems.push(problem);
  }

  async function* invoices(): AsyncGenerator<Invoice> {
    let last = 1;
    for await (const row of csv.rows) {
      counts.lines += 1;
      last = Math.max(last, row.line);
      if (counts.lines === 1) checkColumns(csv.columns());
      if ('problem' in row) {
        reject(row);
        continue;
      }
      const line = readRetailLine(row.record, row.line);
      if ('problem' in line) {
        reject(line);
      } else {
        if (line.invoiceNo.startsWith('C')) counts.cancellationLines += 1;
        if (line.customerId === null) counts.linesWithoutCustomer += 1;
        else if (!window.add({ ...line, customerId: line.customerId })) {
          reject({ line: line.line, problem: `invoice ${line.invoiceNo} had ended: this line comes too long after its others` });
        }
      }
      yield* window.closeIdle(row.line);
    }
    yield* window.closeAll(last);
  }

  return { invoices: invoices(), counts };
}

function checkColumns(columns: string[] | undefined): void {
  const missing = retailColumns.filter((name) => !columns?.includes(name));
  if (missing.length > 0) {
    throw new Error(`not the Online Retail log: no ${missing.join(', ')} column (the header has ${columns?.join(', ') || 'nothing'})`);
  }
}
