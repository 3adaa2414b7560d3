export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles; NaN when there are no samples, so the table shows a dash. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return { count: sorted.length, p50: rank(50), p95: rank(95), max: sorted.length === 0 ? NaN : sorted[sorted.length - 1]! };
}

export function median(samples: number[]): number {
  return summarize(samples).p50;
}

/** Items per second over a span in milliseconds. */
export function perSecond(items: number, spanMs: number): number {
  return spanMs > 0 ? (items * 1000) / spanMs : NaN;
}
