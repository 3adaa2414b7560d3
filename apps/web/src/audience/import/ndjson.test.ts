import { describe, expect, it } from 'vitest';
import { NdjsonReader, readMessage } from './ndjson';

describe('NdjsonReader', () => {
  it('reads lines cut anywhere across pieces of the answer', () => {
    const reader = new NdjsonReader();
    expect(reader.push('{"progress":{"rows":1000,"bytesRe')).toEqual([]);
    expect(reader.push('ad":5120}}\n{"progress":{"rows":2000}}\n{"do')).toEqual([
      { kind: 'progress', progress: { rows: 1000, bytesRead: 5120 } },
      { kind: 'progress', progress: { rows: 2000 } },
    ]);
    expect(reader.push('ne":{"rows":2001,"imported":2000,"errors":1}}')).toEqual([]);
    expect(reader.end()).toEqual([{ kind: 'done', summary: { rows: 2001, imported: 2000, errors: 1 } }]);
  });

  it('reads an error line and skips blank ones', () => {
    const reader = new NdjsonReader();
    expect(reader.push('\n{"error":"the file has no column \\"mail\\""}\n')).toEqual([{ kind: 'error', message: 'the file has no column "mail"' }]);
  });
});

describe('readMessage', () => {
  it('says so when a line is not JSON, and skips one it does not know', () => {
    expect(readMessage('<html>')).toEqual({ kind: 'error', message: 'the server sent something that is not JSON: <html>' });
    expect(readMessage('{"hello":1}')).toBeNull();
  });
});
