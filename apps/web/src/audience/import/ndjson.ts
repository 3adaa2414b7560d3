/**
 * The import endpoints answer NDJSON: `{ "progress": … }` lines as the server commits chunks,
 * then `{ "done": summary }` or `{ "error": message }`. The answer arrives in pieces that may cut
 * a line anywhere; this reads whole lines as they complete.
 */

export type ImportMessage =
  | { kind: 'progress'; progress: ServerProgress }
  | { kind: 'done'; summary: Record<string, unknown> }
  | { kind: 'error'; message: string };

/** What a progress line carries: lines (the Online Retail log) or rows (contacts), and bytes read. */
export interface ServerProgress {
  lines?: number;
  rows?: number;
  bytesRead?: number;
  totalBytes?: number;
  /** Lines per second, as the server measures it. */
  rate?: number;
}

export class NdjsonReader {
  private partial = '';

  /** The messages completed by this piece of text; a cut line waits for the next piece. */
  push(text: string): ImportMessage[] {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    return lines.map(readMessage).filter((message): message is ImportMessage => message !== null);
  }

  /** At the end of the answer: a last line without its newline. */
  end(): ImportMessage[] {
    const rest = this.partial;
    this.partial = '';
    const message = readMessage(rest);
    return message ? [message] : [];
  }
}

/** One line as a message; a blank or unknown line is skipped (null), a broken one is an error. */
export function readMessage(line: string): ImportMessage | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'error', message: `the server sent something that is not JSON: ${line.slice(0, 120)}` };
  }
  if (!isRecord(value)) return null;
  if (isRecord(value.progress)) return { kind: 'progress', progress: value.progress as ServerProgress };
  if (isRecord(value.done)) return { kind: 'done', summary: value.done };
  if (typeof value.error === 'string') return { kind: 'error', message: value.error };
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
