import { plural } from '../ui/format';
import type { DayOfMessages } from './messaging-types';

/** The parts of a day's bar, bottom to top, with their words and colours. */
export const dayParts = [
  { key: 'sent', label: 'Sent', colour: 'var(--good)' },
  { key: 'sentAfterHold', label: 'Sent after waiting', colour: '#7cc39a' },
  { key: 'deferred', label: 'Deferred (waiting now)', colour: '#e0a526' },
  { key: 'skipped', label: 'Skipped', colour: 'var(--control)' },
  { key: 'failed', label: 'Failed', colour: 'var(--bad)' },
] as const satisfies readonly { key: keyof DayOfMessages; label: string; colour: string }[];

export interface DayBar extends DayOfMessages {
  /** "Mar 3". */
  label: string;
}

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The bars to draw, oldest first; the server's days are UTC dates, so they are labelled in UTC. */
export function dayBars(days: readonly DayOfMessages[], format: (date: Date) => string = (date) => dayLabel.format(date)): DayBar[] {
  return [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((day) => {
      const date = new Date(`${day.day}T00:00:00Z`);
      return { ...day, label: Number.isNaN(date.getTime()) ? day.day : format(date) };
    });
}

/** The chart in words, for screen readers and as its caption: "30 sent (4 after waiting), 2 deferred and 5 skipped in 14 days". */
export function daysSummary(days: readonly DayOfMessages[]): string {
  const total = (key: keyof Omit<DayOfMessages, 'day'>) => days.reduce((sum, day) => sum + day[key], 0);
  const sent = total('sent') + total('sentAfterHold');
  const afterHold = total('sentAfterHold');
  const parts = [`${sent} sent${afterHold > 0 ? ` (${afterHold} after waiting)` : ''}`, `${total('deferred')} deferred`, `${total('skipped')} skipped`];
  const failed = total('failed');
  if (failed > 0) parts.push(`${failed} failed`);
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)} in ${plural(days.length, 'day')}`;
}

/** Whether there is anything to draw: fourteen empty days say less than "no messages yet". */
export function anyMessages(days: readonly DayOfMessages[]): boolean {
  return days.some((day) => dayParts.some((part) => day[part.key] > 0) || day.sending > 0);
}
