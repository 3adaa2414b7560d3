/**
 * The start of a file for the mapping step's preview: at most the endpoint's 256 KiB, cut after
 * the last whole line so no row is read half. A gzip file is unpacked in the browser first (the
 * start of a gzip stream cut anywhere does not unpack on the server).
 */

export const previewLimit = 256 * 1024;

/** Up to and including the last newline; the whole of `bytes` when it is the whole file. */
export function wholeLines(bytes: Uint8Array<ArrayBuffer>, wholeFile: boolean): Uint8Array<ArrayBuffer> {
  if (wholeFile) return bytes;
  const last = bytes.lastIndexOf(0x0a);
  return last === -1 ? bytes : bytes.subarray(0, last + 1);
}

export function isGzip(start: Uint8Array): boolean {
  return start[0] === 0x1f && start[1] === 0x8b;
}

/** The first `limit` bytes of a stream, and whether that was all of it. */
export async function readStart(stream: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; wholeFile: boolean }> {
  const reader = stream.getReader();
  const bytes = new Uint8Array(limit);
  let length = 0;
  try {
    while (length < limit) {
      const { done, value } = await reader.read();
      if (done) return { bytes: bytes.subarray(0, length), wholeFile: true };
      const take = Math.min(value.length, limit - length);
      bytes.set(value.subarray(0, take), length);
      length += take;
    }
    return { bytes, wholeFile: false };
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The plain text at the start of `file`, in whole lines, for POST /api/imports/contacts/preview. */
export async function previewHead(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const plain = isGzip(magic) ? file.stream().pipeThrough(new DecompressionStream('gzip')) : file.stream();
  const { bytes, wholeFile } = await readStart(plain as ReadableStream<Uint8Array>, previewLimit);
  return wholeLines(bytes, wholeFile);
}
