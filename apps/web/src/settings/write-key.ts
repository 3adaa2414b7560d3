/** The server's bounds for a rotated write key's grace period (system.rotateWriteKey). */
export const maxGraceHours = 24 * 30;

/** The grace period typed in the form, or why it cannot be sent. */
export function parseGraceHours(text: string): { ok: true; hours: number } | { ok: false; problem: string } {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'Enter a number of hours (0 stops the old key at once).' };
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours < 0 || hours > maxGraceHours) return { ok: false, problem: `Between 0 and ${maxGraceHours} hours (30 days).` };
  return { ok: true, hours };
}

/** What to say about the key before the current one, which the server accepts until `expiresAt`. */
export function previousKeyNote(expiresAt: string | null, now: number, format: (iso: string) => string): string | null {
  if (!expiresAt) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at) || at <= now) return null;
  return `The previous key is still accepted until ${format(expiresAt)}.`;
}
