const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `YYYY-MM-DD HH:MM[:SS]`, as shops' exports write their local time. */
const wallClockPattern = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/;

/** Whether text is a wall-clock time londonTime() can read; cheap enough to ask of every line. */
export function isWallClock(text: string): boolean {
  return wallClockPattern.test(text) && !Number.isNaN(Date.parse(`${text.replace(' ', 'T')}Z`));
}

/**
 * The instant a London wall-clock time names: "2011-06-01 12:00:00" is 11:00 UTC (summer time),
 * "2011-12-01 12:00:00" is 12:00 UTC. Returns undefined for text that is not such a time. In the
 * hour skipped in March the clock is read as winter time; in the hour repeated in October, as
 * winter time (the later of the two).
 */
export function londonTime(wallClock: string): Date | undefined {
  if (!isWallClock(wallClock)) return undefined;
  const asUtc = Date.parse(`${wallClock.replace(' ', 'T')}Z`);
  // London is UTC or UTC+1: the offset at a first guess, then at the corrected instant, settles it.
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess));
}

/** How far London's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number): number {
  const part: Record<string, number> = {};
  for (const { type, value } of londonClock.formatToParts(new Date(instant))) part[type] = Number(value);
  const shown = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return shown - (instant - (((instant % 1000) + 1000) % 1000));
}
