import { describe, expect, it } from 'vitest';
import { smsSegments } from './sms-segments.js';

describe('smsSegments', () => {
  it('fits 160 GSM-7 characters in one SMS, and splits 161 into two parts of at most 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2 });
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', characters: 306, segments: 2 });
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', characters: 307, segments: 3 });
  });

  it('keeps accented letters of the GSM alphabet in GSM-7', () => {
    expect(smsSegments('Café à Zürich, Año £5 @home')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    // ù is in the alphabet, ú is not: one ú turns the message into UCS-2.
    expect(smsSegments('Ñandú')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
  });

  it('counts an extension character (€ { } [ ] ~ ^ | \\) as two', () => {
    expect(smsSegments('Only €5!')).toEqual({ encoding: 'GSM-7', characters: 9, segments: 1 });
    // 159 letters and a €: 161 septets, two SMS.
    expect(smsSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2 });
  });

  it('never splits an extension character across two parts', () => {
    // 152 letters then €: the € would straddle parts one and two, so it moves to part two.
    const text = `${'a'.repeat(152)}€${'b'.repeat(152)}`;
    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', characters: 306, segments: 3 });
  });

  it('sends the whole message as UCS-2 once one character is outside the GSM alphabet', () => {
    expect(smsSegments('Thanks 🎉')).toEqual({ encoding: 'UCS-2', characters: 9, segments: 1 });
    expect(smsSegments('ł'.repeat(70))).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments('ł'.repeat(71))).toEqual({ encoding: 'UCS-2', characters: 71, segments: 2 });
    expect(smsSegments(`${'x'.repeat(100)}’`)).toEqual({ encoding: 'UCS-2', characters: 101, segments: 2 });
  });

  it('keeps an emoji whole at a part boundary', () => {
    // 66 units, then an emoji (2 units) that does not fit in part one's 67.
    expect(smsSegments(`${'ł'.repeat(66)}😀${'ł'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', characters: 134, segments: 3 });
  });

  it('costs nothing when empty', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', characters: 0, segments: 0 });
  });
});
