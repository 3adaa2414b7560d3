/**
 * Time-zone arithmetic for "wait until a time of day" and date-attribute triggers.
 *
 * Workflow code imports this, so it is pure: every function takes the instant it reasons about
 * as epoch milliseconds and reads zones only through `Intl.DateTimeFormat`, never the host clock
 * or the host's own time zone.
 */

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A wall-clock reading in some zone; `month` is 1–12. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

// Building a formatter is far slower than using one, and a journey asks about few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone (or offset zone such as "UTC") this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`invalid time zone: ${JSON.stringify(timeZone)}`);
}

/** Epoch ms of a proleptic-Gregorian wall time read as UTC. Unlike Date.UTC, years 0–99 stay themselves. */
function wallToMs(date: CalendarDate, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The calendar date `days` after `date`; months and years roll over. */
function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(wallToMs(date) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(wallToMs({ year, month: month + 1, day: 0 })).getUTCDate();
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return [year, month, day].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The wall-clock reading of `epochMs` in `timeZone` (seconds truncated, as a clock shows them). */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  assertTimeZone(timeZone);
  if (!Number.isFinite(epochMs)) throw new RangeError(`invalid instant: ${epochMs}`);
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, minute = NaN, second = NaN } = fields;
  // Some ICU builds still print midnight as "24" despite h23.
  const hour = (fields.hour ?? NaN) % 24;
  const weekday = new Date(wallToMs({ year, month, day })).getUTCDay() as Weekday;
  return { year, month, day, hour, minute, second, weekday };
}

/** How far the zone's wall clock is ahead of UTC at `epochMs`, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  return wallToMs(p, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump (02:30 on a
 * spring-forward night) maps to the instant after the gap (e.g. 03:30 local, same elapsed offset);
 * a time that happens twice (fall back) maps to the earlier instant.
 */
export function zonedTimeToEpoch(
  local: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): number {
  assertTimeZone(timeZone);
  const { year, month, day, hour, minute, second = 0 } = local;
  const timeOk = [hour, minute, second].every(Number.isInteger) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
  if (!isCalendarDate(year, month, day) || !timeOk) {
    throw new RangeError(`invalid local date-time: ${JSON.stringify(local)}`);
  }
  const wall = wallToMs(local, hour, minute, second);
  // Zones change offset at most once within a day, so the offsets a day either side are the
  // only ones this wall time can have (the same approach as Temporal's "compatible" mode).
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const matches = [wall - before, wall - after].filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  if (matches.length > 0) return Math.min(...matches);
  // In a gap: keep the offset from before the jump, which lands as far past the gap as the time was into it.
  return wall - before;
}

/** "HH:MM" 24h → { hour, minute } or null if malformed. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function requireTimeOfDay(text: string): { hour: number; minute: number } {
  const time = parseTimeOfDay(text);
  if (!time) throw new RangeError(`invalid time of day (expected "HH:MM"): ${JSON.stringify(text)}`);
  return time;
}

/**
 * The first instant strictly after `afterMs` whose local time in `timeZone` is `time` ("HH:MM")
 * on one of `weekdays` (all days when absent or empty).
 *
 * @example nextTimeOfDay(Date.parse('2026-03-10T22:00:00Z'), { time: '10:00', weekdays: [1, 3], timeZone: 'America/New_York' })
 * // → Date.parse('2026-03-11T14:00:00Z'), Wednesday 10:00 EDT
 */
export function nextTimeOfDay(afterMs: number, spec: { time: string; weekdays?: readonly Weekday[]; timeZone: string }): number {
  const { hour, minute } = requireTimeOfDay(spec.time);
  const today = zonedParts(afterMs, spec.timeZone);
  const allowed = spec.weekdays && spec.weekdays.length > 0 ? spec.weekdays : null;
  // Today, if the time is still ahead, else up to a week on: eight days cover every weekday set.
  for (let days = 0; days <= 7; days++) {
    const date = addDays(today, days);
    if (allowed && !allowed.includes(new Date(wallToMs(date)).getUTCDay() as Weekday)) continue;
    const instant = zonedTimeToEpoch({ ...date, hour, minute }, spec.timeZone);
    if (instant > afterMs) return instant;
  }
  throw new RangeError(`no day matches weekdays ${JSON.stringify(spec.weekdays)}`);
}

/**
 * The calendar date an attribute value names: an ISO date, or an ISO date-time read in
 * `timeZone` (one without an offset is a floating wall time, so its own date part).
 */
function attributeDate(dateValue: string, timeZone: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(dateValue.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, offset] = match;
  const date = { year: Number(y), month: Number(mo), day: Number(d) };
  if (!isCalendarDate(date.year, date.month, date.day)) return null;
  if (h === undefined) return date;
  const [hour, minute, second] = [Number(h), Number(mi), Number(s ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (offset === undefined) return date;
  const offsetMatch = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  const offsetMinutes = offsetMatch ? (offsetMatch[1] === '-' ? -1 : 1) * (Number(offsetMatch[2]) * 60 + Number(offsetMatch[3] ?? 0)) : 0;
  const parts = zonedParts(wallToMs(date, hour, minute, second) - offsetMinutes * 60_000, timeZone);
  return { year: parts.year, month: parts.month, day: parts.day };
}

function assertOffsetDays(offsetDays: number): void {
  if (!Number.isInteger(offsetDays)) throw new RangeError(`invalid day offset: ${offsetDays}`);
}

/**
 * For date-attribute triggers: the instant `offsetDays` (negative = before) from the calendar date
 * of `dateValue` (an ISO date "1990-05-17" or date-time; a date-time is read as its calendar date
 * in `timeZone`), at local `time` in `timeZone`. Returns null when dateValue is not a date.
 *
 * @example dateAttributeInstant('2026-05-17', -3, '09:00', 'Europe/Paris') // → Date.parse('2026-05-14T07:00:00Z')
 */
export function dateAttributeInstant(dateValue: string, offsetDays: number, time: string, timeZone: string): number | null {
  const { hour, minute } = requireTimeOfDay(time);
  assertOffsetDays(offsetDays);
  assertTimeZone(timeZone);
  const date = typeof dateValue === 'string' ? attributeDate(dateValue, timeZone) : null;
  if (!date) return null;
  return zonedTimeToEpoch({ ...addDays(date, offsetDays), hour, minute }, timeZone);
}

/**
 * Like dateAttributeInstant but for a recurring yearly date (birthday): the next occurrence
 * strictly after afterMs. Feb 29 in a non-leap year falls on Feb 28.
 *
 * @example nextAnniversaryInstant(Date.parse('2026-06-01T00:00:00Z'), '1992-02-29', 0, '09:00', 'UTC') // → Date.parse('2027-02-28T09:00:00Z')
 */
export function nextAnniversaryInstant(afterMs: number, dateValue: string, offsetDays: number, time: string, timeZone: string): number | null {
  const { hour, minute } = requireTimeOfDay(time);
  assertOffsetDays(offsetDays);
  const date = typeof dateValue === 'string' ? attributeDate(dateValue, timeZone) : null;
  if (!date) return null;
  // Occurrences grow with the year, so walk up from a year early enough that even a large
  // offset cannot have pushed an earlier one past afterMs.
  const spanYears = Math.ceil(Math.abs(offsetDays) / 365) + 1;
  const currentYear = zonedParts(afterMs, timeZone).year;
  for (let year = currentYear - spanYears; year <= currentYear + spanYears + 1; year++) {
    const day = Math.min(date.day, daysInMonth(year, date.month));
    const instant = zonedTimeToEpoch({ ...addDays({ year, month: date.month, day }, offsetDays), hour, minute }, timeZone);
    if (instant > afterMs) return instant;
  }
  throw new RangeError(`no anniversary of ${JSON.stringify(dateValue)} found after ${afterMs}`);
}
