import { describe, expect, it } from 'vitest';
import { londonTime } from './london-time.js';

describe('londonTime', () => {
  it('reads winter times as UTC and summer times as UTC+1', () => {
    expect(londonTime('2010-12-01 08:26:00')?.toISOString()).toBe('2010-12-01T08:26:00.000Z');
    expect(londonTime('2011-06-01 12:00:00')?.toISOString()).toBe('2011-06-01T11:00:00.000Z');
  });

  it('changes offset on the last Sundays of March and October', () => {
    expect(londonTime('2011-03-27 00:30:00')?.toISOString()).toBe('2011-03-27T00:30:00.000Z');
    expect(londonTime('2011-03-27 02:30:00')?.toISOString()).toBe('2011-03-27T01:30:00.000Z');
    expect(londonTime('2011-10-30 00:30:00')?.toISOString()).toBe('2011-10-29T23:30:00.000Z');
    expect(londonTime('2011-10-30 02:30:00')?.toISOString()).toBe('2011-10-30T02:30:00.000Z');
    // The hour the clocks go back happens twice: read as the later (winter) one.
    expect(londonTime('2011-10-30 01:30:00')?.toISOString()).toBe('2011-10-30T01:30:00.000Z');
  });

  it('refuses text that is not a wall-clock time', () => {
    expect(londonTime('01/12/2010 08:26')).toBeUndefined();
    expect(londonTime('2010-13-45 08:26:00')).toBeUndefined();
  });
});
