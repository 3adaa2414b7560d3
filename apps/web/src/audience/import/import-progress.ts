import type { ServerProgress } from './ndjson';

/**
 * The progress bar's figures. The browser reports the bytes it has sent (the server reads the
 * upload as it imports, so sent bytes follow its pace); the server reports rows as it commits
 * them, and a running Online Retail import's row in `imports` has them too. Rows are shown when
 * known, the fraction, rate and ETA come from bytes.
 */
export interface ProgressInput {
  /** Epoch ms when the upload began, and now. */
  startedAt: number;
  now: number;
  totalBytes: number;
  sentBytes: number;
  /** The last progress line from the server, if one has arrived. */
  server: ServerProgress | null;
  /** Rows the import's record says are read, when it has one. */
  recordedRows: number | null;
}

export interface ProgressView {
  /** 0–1. */
  fraction: number;
  rows: number | null;
  rowsPerSecond: number | null;
  bytesPerSecond: number;
  /** Null until there is a rate to go by. */
  etaSeconds: number | null;
  /** Every byte is sent: the server is committing the last rows. */
  finishing: boolean;
}

export function progressView(input: ProgressInput): ProgressView {
  const seconds = Math.max(0, (input.now - input.startedAt) / 1_000);
  const doneBytes = Math.min(input.totalBytes, Math.max(input.sentBytes, input.server?.bytesRead ?? 0));
  const fraction = input.totalBytes > 0 ? doneBytes / input.totalBytes : 0;
  const rows = input.server?.lines ?? input.server?.rows ?? input.recordedRows;
  const bytesPerSecond = seconds > 0 ? doneBytes / seconds : 0;
  const rowsPerSecond = input.server?.rate ?? (rows !== null && seconds > 0 ? rows / seconds : null);
  const etaSeconds = bytesPerSecond > 0 && doneBytes > 0 ? (input.totalBytes - doneBytes) / bytesPerSecond : null;
  return { fraction, rows: rows ?? null, rowsPerSecond, bytesPerSecond, etaSeconds, finishing: input.totalBytes > 0 && doneBytes >= input.totalBytes };
}

/** "1.5 MB", "820 KB", "12 B". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** "about 5 s", "about 2 min 10 s", "under a second". */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 1) return 'under a second';
  const whole = Math.round(seconds);
  if (whole < 60) return `about ${whole} s`;
  const minutes = Math.floor(whole / 60);
  return `about ${minutes} min ${whole % 60} s`;
}
