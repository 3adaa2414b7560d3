/** Bytes a value takes as JSON, as it is stored (traits and properties are kept as jsonb). */
export function serializedSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '');
}

/** "32 KiB", "4.5 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [amount, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Math.round(amount * 10) / 10} ${unit}`;
}

/** "a trait may be at most 32 KiB (this one is 4.5 MiB)"; in bytes where rounding would hide the excess. */
export function tooBig(what: string, limit: number, size: number): string {
  const shown = formatBytes(size) === formatBytes(limit) ? `${size} bytes` : formatBytes(size);
  return `${what} may be at most ${formatBytes(limit)} (this one is ${shown})`;
}
