import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** A file to import: its path, or a stream of its bytes (an upload, stdin). */
export type ImportInput = string | Readable;

export interface OpenedInput {
  /** The file's text, gunzipped when it was stored gzip. */
  text: Readable;
  /** `<size>:<sha256 of the first 64 KiB>` of the bytes as stored: what "the same file" means. */
  fingerprint: string;
  /** The stored (possibly compressed) size, when known: a path's, or what the caller said. */
  totalBytes: number | undefined;
  /** Stored bytes read so far; against totalBytes it gives a progress bar and an ETA. */
  bytesRead(): number;
}

const headSize = 64 * 1024;
const gzipMagic = [0x1f, 0x8b];

/**
 * Opens an import's input as a stream: nothing beyond its first 64 KiB is held in memory. Gzip is
 * recognised by its magic bytes, not the file's name, so an upload named `.csv` that is gzip (or
 * `.gz` that is not) is read right.
 */
export async function openInput(input: ImportInput, options: { size?: number } = {}): Promise<OpenedInput> {
  const source = typeof input === 'string' ? createReadStream(input) : input;
  const totalBytes = typeof input === 'string' ? (await stat(input)).size : options.size;
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;

  const head: Buffer[] = [];
  let headLength = 0;
  while (headLength < headSize) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value);
    head.push(chunk);
    headLength += chunk.length;
  }
  const start = Buffer.concat(head);
  const hash = createHash('sha256').update(start.subarray(0, headSize)).digest('hex');

  let read = 0;
  const stored = Readable.from(
    (async function* () {
      try {
        for (const chunk of head) {
          read += chunk.length;
          yield chunk;
        }
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
          const chunk = Buffer.from(next.value);
          read += chunk.length;
          yield chunk;
        }
      } finally {
        // Stopped early (an abort, an error downstream): close the file.
        await chunks.return?.();
      }
    })(),
    { objectMode: false },
  );
  const gzip = gzipMagic.every((byte, i) => start[i] === byte);
  return {
    text: gzip ? pipeline(stored, createGunzip(), () => {}) : stored,
    fingerprint: `${totalBytes ?? 'stream'}:${hash}`,
    totalBytes,
    bytesRead: () => read,
  };
}
