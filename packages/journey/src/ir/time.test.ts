import { describe, expect, it } from 'vitest';
import {
  dateAttributeInstant,
  isValidTimeZone,
  nextAnniversaryInstant,
  nextTimeOfDay,
  parseTimeOfDay,
  zonedParts,
  zonedTimeToEpoch,
  type Weekday,
} from './time.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const local = (date: string, time: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute };
};
const DAY_MS = 86_400_000;

describe('isValidTimeZone', () => {
  it('knows IANA zones and rejects anything else', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Not/AZone')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('parseTimeOfDay', () => {
  it('reads strict 24h "HH:MM"', () => {
    expect(parseTimeOfDay('09:00')).toEqual({ hour: 9, minute: 0 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(parseTimeOfDay('00:00')).toEqual({ hour: 0, minute: 0 });
    for (const bad of ['24:00', '9:00', '09:60', ' 09:00', '09:00:00', '0900', '']) expect(parseTimeOfDay(bad)).toBeNull();
  });
});

describe('zonedParts', () => {
  it('reads the wall clock and weekday in the zone', () => {
    expect(zonedParts(at('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 3, day: 8, hour: 3, minute: 30, second: 0, weekday: 0 });
    expect(zonedParts(at('2026-03-10T04:00:00Z'), 'America/New_York')).toMatchObject({ day: 10, hour: 0, weekday: 2 });
    expect(zonedParts(at('2026-12-31T20:00:05Z'), 'Asia/Kolkata')).toEqual({ year: 2027, month: 1, day: 1, hour: 1, minute: 30, second: 5, weekday: 5 });
  });
});

describe('zonedTimeToEpoch', () => {
  const cases: [zone: string, date: string, expected: string][] = [
    // New York: spring forward Mar 8, fall back Nov 1, 2026.
    ['America/New_York', '2026-03-07', '2026-03-07T14:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['America/New_York', '2026-10-31', '2026-10-31T13:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T14:00:00.000Z'],
    ['America/New_York', '2026-11-02', '2026-11-02T14:00:00.000Z'],
    // Berlin: Mar 29 and Oct 25, 2026.
    ['Europe/Berlin', '2026-03-28', '2026-03-28T08:00:00.000Z'],
    ['Europe/Berlin', '2026-03-30', '2026-03-30T07:00:00.000Z'],
    ['Europe/Berlin', '2026-10-24', '2026-10-24T07:00:00.000Z'],
    ['Europe/Berlin', '2026-10-26', '2026-10-26T08:00:00.000Z'],
    // No DST, and a half-hour offset.
    ['Asia/Tokyo', '2026-03-07', '2026-03-07T00:00:00.000Z'],
    ['Asia/Tokyo', '2026-11-02', '2026-11-02T00:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-09', '2026-03-09T03:30:00.000Z'],
    ['Asia/Kolkata', '2026-10-26', '2026-10-26T03:30:00.000Z'],
  ];
  it.each(cases)('09:00 in %s on %s is %s', (zone, date, expected) => {
    expect(iso(zonedTimeToEpoch(local(date, '09:00'), zone))).toBe(expected);
  });

  it('moves a time skipped by spring-forward past the gap', () => {
    expect(iso(zonedTimeToEpoch(local('2026-03-08', '02:30'), 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedTimeToEpoch(local('2026-03-08', '02:00'), 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedTimeToEpoch(local('2026-03-29', '02:30'), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier of a time that happens twice at fall-back', () => {
    expect(iso(zonedTimeToEpoch(local('2026-11-01', '01:30'), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTimeToEpoch(local('2026-10-25', '02:30'), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('keeps seconds', () => {
    expect(iso(zonedTimeToEpoch({ ...local('2026-06-01', '12:00'), second: 42 }, 'Asia/Kolkata'))).toBe('2026-06-01T06:30:42.000Z');
  });

  it('throws a RangeError for an unknown zone or an impossible local time', () => {
    expect(() => zonedTimeToEpoch(local('2026-03-08', '09:00'), 'Not/AZone')).toThrow(/Not\/AZone/);
    expect(() => zonedTimeToEpoch(local('2026-03-08', '09:00'), 'Not/AZone')).toThrow(RangeError);
    expect(() => zonedTimeToEpoch(local('2026-03-08', '24:00'), 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToEpoch(local('2026-02-30', '09:00'), 'UTC')).toThrow(RangeError);
  });
});

describe('nextTimeOfDay', () => {
  const ny = 'America/New_York';

  it('is strictly after now: exactly 09:00 gives tomorrow, 08:59 gives today', () => {
    expect(iso(nextTimeOfDay(at('2026-03-10T13:00:00Z'), { time: '09:00', timeZone: ny }))).toBe('2026-03-11T13:00:00.000Z');
    expect(iso(nextTimeOfDay(at('2026-03-10T13:00:00.001Z'), { time: '09:00', timeZone: ny }))).toBe('2026-03-11T13:00:00.000Z');
    expect(iso(nextTimeOfDay(at('2026-03-10T12:59:00Z'), { time: '09:00', timeZone: ny }))).toBe('2026-03-10T13:00:00.000Z');
  });

  it('follows the zone across DST changes', () => {
    expect(iso(nextTimeOfDay(at('2026-03-07T15:00:00Z'), { time: '09:00', timeZone: ny }))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(nextTimeOfDay(at('2026-10-31T14:00:00Z'), { time: '09:00', timeZone: ny }))).toBe('2026-11-01T14:00:00.000Z');
    expect(iso(nextTimeOfDay(at('2026-03-28T09:00:00Z'), { time: '09:00', timeZone: 'Europe/Berlin' }))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(nextTimeOfDay(at('2026-03-07T23:00:00Z'), { time: '02:30', timeZone: ny }))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('reads "today" in the zone, not in UTC', () => {
    // 2026-03-10T02:00Z is still Mar 9, 22:00 in New York.
    expect(iso(nextTimeOfDay(at('2026-03-10T02:00:00Z'), { time: '23:00', timeZone: ny }))).toBe('2026-03-10T03:00:00.000Z');
    // …and already Mar 10, 07:30 in Kolkata.
    expect(iso(nextTimeOfDay(at('2026-03-10T02:00:00Z'), { time: '09:00', timeZone: 'Asia/Kolkata' }))).toBe('2026-03-10T03:30:00.000Z');
  });

  describe('on weekdays (Monday or Wednesday at 10:00)', () => {
    const spec = { time: '10:00', weekdays: [1, 3] as const, timeZone: ny };

    it('from a Tuesday evening is Wednesday', () => {
      expect(iso(nextTimeOfDay(at('2026-03-11T00:00:00Z'), spec))).toBe('2026-03-11T14:00:00.000Z');
    });
    it('from a Wednesday at 11:00 is the next Monday', () => {
      expect(iso(nextTimeOfDay(at('2026-03-11T15:00:00Z'), spec))).toBe('2026-03-16T14:00:00.000Z');
    });
    it('spans spring-forward and fall-back', () => {
      expect(iso(nextTimeOfDay(at('2026-03-04T16:00:00Z'), spec))).toBe('2026-03-09T14:00:00.000Z');
      expect(iso(nextTimeOfDay(at('2026-10-28T15:00:00Z'), spec))).toBe('2026-11-02T15:00:00.000Z');
    });
    it('on the only allowed weekday, after the time, waits a full week', () => {
      expect(iso(nextTimeOfDay(at('2026-03-10T15:00:00Z'), { ...spec, weekdays: [2] }))).toBe('2026-03-17T14:00:00.000Z');
    });
    it('treats an empty list as every day', () => {
      expect(iso(nextTimeOfDay(at('2026-03-10T15:00:00Z'), { ...spec, weekdays: [] }))).toBe('2026-03-11T14:00:00.000Z');
    });
  });

  it('holds over a 400-day horizon in every kind of zone', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney'];
    const start = at('2026-01-01T00:00:00Z');
    for (const timeZone of zones) {
      for (let i = 0; i < 400 * 4; i++) {
        const after = start + i * (DAY_MS / 4);
        const daily = nextTimeOfDay(after, { time: '09:00', timeZone });
        expect(daily).toBeGreaterThan(after);
        expect(daily - after).toBeLessThanOrEqual(DAY_MS + 3_600_000);
        expect(zonedParts(daily, timeZone)).toMatchObject({ hour: 9, minute: 0, second: 0 });

        const monday = nextTimeOfDay(after, { time: '09:00', weekdays: [1] satisfies Weekday[], timeZone });
        expect(monday).toBeGreaterThan(after);
        expect(monday - after).toBeLessThanOrEqual(7 * DAY_MS + 3_600_000);
        expect(zonedParts(monday, timeZone)).toMatchObject({ weekday: 1, hour: 9, minute: 0 });
      }
    }
  });

  it('throws a RangeError naming an invalid zone or time', () => {
    expect(() => nextTimeOfDay(0, { time: '09:00', timeZone: 'Not/AZone' })).toThrow(RangeError);
    expect(() => nextTimeOfDay(0, { time: '09:00', timeZone: 'Not/AZone' })).toThrow(/Not\/AZone/);
    expect(() => nextTimeOfDay(0, { time: '9am', timeZone: ny })).toThrow(RangeError);
    expect(() => nextTimeOfDay(0, { time: '9am', timeZone: ny })).toThrow(/9am/);
  });
});

describe('dateAttributeInstant', () => {
  const paris = 'Europe/Paris';

  it('puts a date at a local time, with a day offset', () => {
    expect(iso(dateAttributeInstant('1990-05-17', 0, '09:00', paris))).toBe('1990-05-17T07:00:00.000Z');
    expect(iso(dateAttributeInstant('1990-05-17', -3, '09:00', paris))).toBe('1990-05-14T07:00:00.000Z');
    expect(iso(dateAttributeInstant('2026-01-15', 0, '09:00', paris))).toBe('2026-01-15T08:00:00.000Z');
    // Offsets roll over month, year and DST boundaries.
    expect(iso(dateAttributeInstant('2026-03-27', 3, '09:00', paris))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(dateAttributeInstant('2026-01-02', -3, '09:00', paris))).toBe('2025-12-30T08:00:00.000Z');
  });

  it('reads a date-time as its calendar date in the zone', () => {
    // 23:30 at -04:00 is already 05:30 on the 18th in Paris.
    expect(iso(dateAttributeInstant('2026-05-17T23:30:00-04:00', 0, '09:00', paris))).toBe('2026-05-18T07:00:00.000Z');
    expect(iso(dateAttributeInstant('2026-05-17T23:30:00.123Z', 0, '09:00', paris))).toBe('2026-05-18T07:00:00.000Z');
    // 02:00Z is still the 16th in New York.
    expect(iso(dateAttributeInstant('2026-05-17T02:00:00Z', 0, '09:00', 'America/New_York'))).toBe('2026-05-16T13:00:00.000Z');
    // Without an offset a date-time is a wall time already, so its date stands.
    expect(iso(dateAttributeInstant('2026-05-17T23:30:00', 0, '09:00', paris))).toBe('2026-05-17T07:00:00.000Z');
  });

  it('returns null for a value that is not a date', () => {
    for (const bad of ['not a date', '', '1990-02-30', '1990-13-01', '17/05/1990', '1990-05-17T25:00:00Z', '1990-05-17Tnope']) {
      expect(dateAttributeInstant(bad, 0, '09:00', paris)).toBeNull();
    }
  });

  it('throws a RangeError for an invalid zone or time', () => {
    expect(() => dateAttributeInstant('1990-05-17', 0, '09:00', 'Not/AZone')).toThrow(RangeError);
    expect(() => dateAttributeInstant('1990-05-17', 0, '25:00', paris)).toThrow(RangeError);
  });
});

describe('nextAnniversaryInstant', () => {
  const paris = 'Europe/Paris';

  it('finds the next birthday, this year or next', () => {
    expect(iso(nextAnniversaryInstant(at('2026-06-20T12:00:00Z'), '1985-07-01', 0, '09:00', paris))).toBe('2026-07-01T07:00:00.000Z');
    // Eleven months away.
    expect(iso(nextAnniversaryInstant(at('2026-06-20T12:00:00Z'), '1985-05-17', 0, '09:00', paris))).toBe('2027-05-17T07:00:00.000Z');
  });

  it('is strictly after now on the day itself', () => {
    expect(iso(nextAnniversaryInstant(at('2026-05-17T06:59:00Z'), '1985-05-17', 0, '09:00', paris))).toBe('2026-05-17T07:00:00.000Z');
    expect(iso(nextAnniversaryInstant(at('2026-05-17T07:00:00Z'), '1985-05-17', 0, '09:00', paris))).toBe('2027-05-17T07:00:00.000Z');
  });

  it('applies the day offset across a year boundary', () => {
    expect(iso(nextAnniversaryInstant(at('2026-01-01T00:00:00Z'), '1985-01-02', -3, '09:00', paris))).toBe('2026-12-30T08:00:00.000Z');
    expect(iso(nextAnniversaryInstant(at('2026-12-31T00:00:00Z'), '1985-12-30', 3, '09:00', paris))).toBe('2027-01-02T08:00:00.000Z');
  });

  it('moves Feb 29 to Feb 28 in a non-leap year', () => {
    expect(iso(nextAnniversaryInstant(at('2026-06-01T00:00:00Z'), '1992-02-29', 0, '09:00', 'America/New_York'))).toBe('2027-02-28T14:00:00.000Z');
    expect(iso(nextAnniversaryInstant(at('2027-03-01T00:00:00Z'), '1992-02-29', 0, '09:00', 'America/New_York'))).toBe('2028-02-29T14:00:00.000Z');
  });

  it('returns null for a value that is not a date', () => {
    expect(nextAnniversaryInstant(0, 'someday', 0, '09:00', paris)).toBeNull();
  });
});
