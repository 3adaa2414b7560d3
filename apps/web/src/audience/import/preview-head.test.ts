import { describe, expect, it } from 'vitest';
import { previewHead, previewLimit, readStart, wholeLines } from './preview-head';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (value: string) => new TextEncoder().encode(value);

describe('wholeLines', () => {
  it('cuts a partial last row, and keeps a whole small file as it is', () => {
    expect(text(wholeLines(encode('id,email\n1,a@x.io\n2,b@'), false))).toBe('id,email\n1,a@x.io\n');
    expect(text(wholeLines(encode('id,email\n1,a@x.io'), true))).toBe('id,email\n1,a@x.io');
  });
});

describe('readStart', () => {
  it('stops at the limit across chunks, and says when the stream ended first', async () => {
    const stream = new Blob([encode('abc'), encode('defg')]).stream();
    expect(text((await readStart(stream, 5)).bytes)).toBe('abcde');
    expect(await readStart(new Blob([encode('ab')]).stream(), 5)).toEqual({ bytes: encode('ab'), wholeFile: true });
  });
});

describe('previewHead', () => {
  it('unpacks a gzip file and sends at most the limit, in whole lines', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => `c-${index},person${index}@example.com`).join('\n');
    const gzip = new Blob([`customer_id,email\n${rows}\n`]).stream().pipeThrough(new CompressionStream('gzip'));
    const head = await previewHead(await new Response(gzip).blob());
    expect(head.length).toBeLessThanOrEqual(previewLimit);
    expect(text(head).startsWith('customer_id,email\nc-0,person0@example.com\n')).toBe(true);
    expect(text(head).endsWith('@example.com\n')).toBe(true);
  });
});
