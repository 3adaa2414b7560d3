import type { DebuggerCall, DebuggerCounts } from '../trpc';

/** How often the debugger asks for new calls while it is not paused. */
export const debuggerPollMs = 2_000;
/** Calls shown: the newest this many, accepted and rejected together. */
export const debuggerLimit = 100;

export type KindFilter = 'all' | 'accepted' | 'rejected';

/** The fields a filter reads, so tests and the page share one shape. */
type Searchable = Pick<DebuggerCall, 'kind' | 'type' | 'name' | 'userId' | 'anonymousId'> & { contact?: { email: string | null } | null };

/** A stable React key and expansion key: ids of the two tables may look alike. */
export function callKey(call: Pick<DebuggerCall, 'kind' | 'id'>): string {
  return `${call.kind}:${call.id}`;
}

/**
 * The calls a reader asked for: one kind or both, and a text typed to match the call's type, its
 * name (event or page), or who sent it (user id, anonymous id, email), ignoring case.
 */
export function filterCalls<T extends Searchable>(calls: readonly T[], filter: { kind: KindFilter; text: string }): T[] {
  const needle = filter.text.trim().toLowerCase();
  return calls.filter((call) => {
    if (filter.kind !== 'all' && call.kind !== filter.kind) return false;
    if (!needle) return true;
    return [call.type, call.name, call.userId, call.anonymousId, call.contact?.email].some((field) => field?.toLowerCase().includes(needle));
  });
}

/** "track · Order Completed", "identify", or "unknown call" when a refused call named no type. */
export function callTitle(call: Pick<DebuggerCall, 'type' | 'name'>): string {
  const type = call.type || 'unknown call';
  return call.name ? `${type} · ${call.name}` : type;
}

/** Who sent the call, as the client named them; null when it named no one (often why it was refused). */
export function callSender(call: Searchable): string | null {
  return call.userId ?? call.anonymousId ?? call.contact?.email ?? null;
}

/** Why a call was refused: the field first when the server named one ("event: required"). */
export function rejectionReason(call: { field: string; message: string }): string {
  return call.field ? `${call.field}: ${call.message}` : call.message;
}

/**
 * The JSON a row opens to, indented. The server answers a value over a few KiB as the start of
 * its text (`cut`); that text is shown as it came, marked as cut.
 */
export function callJson(value: unknown, cut: boolean): string {
  if (cut && typeof value === 'string') return `${value}…\n(cut: the whole value is larger than the debugger shows)`;
  if (value === undefined || value === null) return '(nothing)';
  return JSON.stringify(value, null, 2);
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago": how fresh a call is at a glance. */
export function timeAgo(iso: string, now: number): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** The header's line: "1,204 accepted · 3 rejected in the last hour; 9,870 · 41 in the last day". */
export function countsSummary(counts: DebuggerCounts, locale?: string): string {
  const n = (value: number) => value.toLocaleString(locale);
  return `${n(counts.accepted.lastHour)} accepted · ${n(counts.rejected.lastHour)} rejected in the last hour; ${n(counts.accepted.lastDay)} · ${n(counts.rejected.lastDay)} in the last day`;
}
