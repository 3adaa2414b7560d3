import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { explainApiError } from '../api-client.js';

export interface ImportOptions {
  url: string;
  token: string | null;
  kind: 'online-retail' | 'contacts';
  triggerJourneys?: boolean;
  /** contacts: "userId=customer_id", "email=email", "trait.firstName=first_name"… */
  map?: string[];
}

interface Progress {
  lines?: number;
  rows?: number;
  bytesRead: number;
  totalBytes?: number;
}

/**
 * Streams a file to the server's importer and draws its progress (rows, rate, ETA from the bytes
 * read). Running the same file again resumes an interrupted import, or adds nothing.
 */
export async function importCommand(file: string, options: ImportOptions): Promise<number> {
  const mapping = options.kind === 'contacts' ? mappingFrom(options.map ?? []) : undefined;
  if (typeof mapping === 'string') {
    console.error(`tend import: ${mapping}`);
    return 2;
  }
  const { size } = await stat(file);
  const query = new URLSearchParams({ source: basename(file), size: String(size), triggerJourneys: String(options.triggerJourneys ?? false) });
  if (mapping) query.set('mapping', JSON.stringify(mapping));
  const response = await fetch(new URL(`/api/imports/${options.kind}?${query}`, options.url), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit).catch((error: unknown) => {
    throw explainApiError(error, options.url);
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    if (response.status === 401) throw explainApiError(new Error('unauthorized'), options.url);
    console.error(`✗ ${file} was not imported: ${body.message ?? response.statusText}`);
    return 1;
  }

  const bar = progressBar(size);
  const started = performance.now();
  let summary: Record<string, unknown> | undefined;
  let failure: string | undefined;
  for await (const line of ndjsonLines(response.body!)) {
    const message = JSON.parse(line) as { progress?: Progress; done?: Record<string, unknown>; error?: string };
    if (message.progress) {
      const rows = message.progress.lines ?? message.progress.rows ?? 0;
      const seconds = (performance.now() - started) / 1000;
      bar.update(message.progress.bytesRead, { rows: rows.toLocaleString('en'), rate: Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en') });
    }
    if (message.done) summary = message.done;
    if (message.error) failure = message.error;
  }
  bar.update(summary ? size : bar.getProgress() * size);
  bar.stop();
  if (failure || !summary) {
    console.error(`✗ ${file}: ${failure ?? 'the server ended the import without a summary'}. Run the same command again to resume where it stopped.`);
    return 1;
  }
  console.log(`✓ ${file} imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const [name, value] of Object.entries(summary)) {
    if (typeof value === 'number') console.log(`  ${describe(name)}: ${value.toLocaleString('en')}`);
  }
  const problems = (summary.problems ?? []) as { line: number; problem: string }[];
  for (const problem of problems.slice(0, 20)) console.log(`  ! line ${problem.line}: ${problem.problem}`);
  if (problems.length > 20) console.log(`  … and ${problems.length - 20} more problems`);
  return 0;
}

/** "userId=customer_id", "email=mail", "trait.firstName=first_name" → the server's column mapping. */
function mappingFrom(pairs: string[]): { userId: string; email?: string; traits: Record<string, string> } | string {
  const traits: Record<string, string> = {};
  let userId: string | undefined;
  let email: string | undefined;
  for (const pair of pairs) {
    const [field, column] = pair.split('=', 2).map((part) => part.trim());
    if (!field || !column) return `--map "${pair}": write field=column, e.g. --map userId=customer_id`;
    if (field === 'userId') userId = column;
    else if (field === 'email') email = column;
    else if (field.startsWith('trait.') && field.length > 6) traits[field.slice(6)] = column;
    else return `--map "${pair}": the field is userId, email or trait.<name>`;
  }
  if (!userId) return 'a contacts import needs the column of each contact’s userId: --map userId=<column>';
  return { userId, ...(email ? { email } : {}), traits };
}

function progressBar(total: number): SingleBar {
  const bar = new SingleBar({
    format: '  {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    noTTYOutput: true,
    notTTYSchedule: 5_000,
    etaBuffer: 20,
  });
  bar.start(total, 0, { rows: '0', rate: '0' });
  return bar;
}

async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line.trim()) yield line;
  }
  if (pending.trim()) yield pending;
}

/** "customersWithValidPurchase" → "customers with valid purchase". */
function describe(name: string): string {
  return name.replace(/([A-Z])/g, ' $1').toLowerCase();
}
