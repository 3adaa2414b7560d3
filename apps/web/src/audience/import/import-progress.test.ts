import { describe, expect, it } from 'vitest';
import { formatBytes, formatEta, progressView } from './import-progress';

const base = { startedAt: 0, totalBytes: 1_000_000, sentBytes: 0, server: null, recordedRows: null };

describe('progressView', () => {
  it('takes the fraction, rate and ETA from bytes', () => {
    const view = progressView({ ...base, now: 2_000, sentBytes: 250_000 });
    expect(view.fraction).toBe(0.25);
    expect(view.bytesPerSecond).toBe(125_000);
    expect(view.etaSeconds).toBe(6);
    expect(view.rows).toBeNull();
    expect(view.finishing).toBe(false);
  });

  it("shows the server's rows and rate when a progress line has come, and its bytes when ahead", () => {
    const view = progressView({ ...base, now: 4_000, sentBytes: 400_000, server: { lines: 20_000, bytesRead: 500_000, rate: 5_000 } });
    expect(view).toMatchObject({ fraction: 0.5, rows: 20_000, rowsPerSecond: 5_000 });
  });

  it("falls back on the import record's rows, with a rate worked out from them", () => {
    expect(progressView({ ...base, now: 5_000, sentBytes: 500_000, recordedRows: 10_000 })).toMatchObject({ rows: 10_000, rowsPerSecond: 2_000 });
  });

  it('is finishing once every byte is sent, and has no ETA before anything moved', () => {
    expect(progressView({ ...base, now: 3_000, sentBytes: 1_000_000 })).toMatchObject({ fraction: 1, finishing: true, etaSeconds: 0 });
    expect(progressView({ ...base, now: 0 }).etaSeconds).toBeNull();
  });
});

describe('formatting', () => {
  it('writes sizes and times as people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(22_000_000)).toBe('21.0 MB');
    expect(formatEta(0.4)).toBe('under a second');
    expect(formatEta(42)).toBe('about 42 s');
    expect(formatEta(130)).toBe('about 2 min 10 s');
    expect(formatEta(null)).toBeNull();
  });
});
