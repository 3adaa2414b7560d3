/** A refused sign-in, sign-out or invitation, as the reader is told it. */
export interface AuthFailure {
  status: number;
  message: string;
  /** When a rate-limited request may be tried again (from Retry-After), if the server said. */
  retryAt: Date | null;
}

/**
 * Seconds to wait, from a Retry-After header: either a number of seconds or an HTTP date.
 * Null when absent or unreadable.
 */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** "in 30 seconds", "in about 2 minutes", "in about 3 hours". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.ceil(minutes / 60);
  return `in about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/**
 * What went wrong, in the server's own words when it sent some (`{ message }`), with when to try
 * again after a 429.
 */
export function authFailure(status: number, body: unknown, retryAfter: string | null, now: Date): AuthFailure {
  const sent = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : null;
  const fallback = status === 401 ? 'wrong email or password' : status === 429 ? 'too many attempts' : `the server answered ${status}`;
  const message = capitalise(sent ?? fallback);
  if (status !== 429) return { status, message, retryAt: null };
  const seconds = retryAfterSeconds(retryAfter, now);
  if (seconds === null) return { status, message: `${withStop(message)} Wait a little before trying again.`, retryAt: null };
  return { status, message: `${withStop(message)} You can try again ${waitInWords(seconds)}.`, retryAt: new Date(now.getTime() + seconds * 1000) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
