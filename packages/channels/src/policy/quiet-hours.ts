import { nextTimeOfDay, parseTimeOfDay, zonedParts } from '@tend/journey';

/**
 * When quiet hours that hold at `now` in `timeZone` end, or null when `now` is outside them.
 * A span whose start is after its end (21:00–09:00) crosses midnight. The end is found with the
 * journey package's zone arithmetic, so a DST change inside the night moves it correctly
 * (09:00 local stays 09:00 local).
 */
export function quietUntil(now: Date, hours: { start: string; end: string }, timeZone: string): Date | null {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const local = zonedParts(now.getTime(), timeZone);
  const minute = local.hour * 60 + local.minute;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  return inside ? new Date(nextTimeOfDay(now.getTime(), { time: hours.end, timeZone })) : null;
}

function minutesOf(time: string): number {
  const parsed = parseTimeOfDay(time);
  if (!parsed) throw new RangeError(`invalid time of day: ${JSON.stringify(time)}`);
  return parsed.hour * 60 + parsed.minute;
}
