import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

/** One data row of a CSV file, by column name, or why it could not be read. `line` counts the header as 1. */
export type CsvRow = { line: number; record: Record<string, string> } | { line: number; problem: string };

export interface CsvRows {
  rows: AsyncIterable<CsvRow>;
  /** The header's column names, once the first line has been read. */
  columns(): string[] | undefined;
}

// A record this long is an unclosed quote swallowing the lines after it: stop holding it in memory.
const maxRecordBytes = 1024 * 1024;

/**
 * Streams a CSV file with a header line, row by row. A row that cannot be read (a wrong number of
 * fields, an unclosed quote) comes out as a problem with its line number, and reading goes on: one
 * bad row never stops an import. A stray quote inside a field is kept as text (`relax_quotes`),
 * as spreadsheets write them. A row's line is where it ends (they differ only for a quoted field
 * spanning lines).
 */
export function csvRows(text: Readable): CsvRows {
  let header: string[] | undefined;
  const skipped: CsvRow[] = [];
  const seen = new Set<number>();
  const parser = text.pipe(
    parse({
      bom: true,
      columns: (names: string[]) => (header = names.map((name) => name.trim())),
      info: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: maxRecordBytes,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return undefined;
        // An oversized record is reported once per chunk read: one problem per line is enough.
        const line = typeof error.lines === 'number' ? error.lines : 0;
        if (seen.has(line)) return undefined;
        seen.add(line);
        skipped.push({ line, problem: error.message });
        return undefined;
      },
    }),
  );
  // pipe() does not forward errors: a read error (a corrupt gzip) must end the rows, not hang them.
  text.once('error', (error) => parser.destroy(error));

  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      // The parser reports a bad row as soon as it meets it, ahead of the good rows it has
      // buffered: hand each out in its place, so rows come in line order.
      while (skipped.length > 0 && skipped[0]!.line < info.lines) yield skipped.shift()!;
      yield { line: info.lines, record };
    }
    yield* skipped.splice(0);
  }
  return { rows: rows(), columns: () => header };
}
