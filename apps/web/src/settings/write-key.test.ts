import { describe, expect, test } from 'vitest';
import { parseGraceHours, previousKeyNote } from './write-key';

describe('parseGraceHours', () => {
  test('reads hours within the bounds the server accepts', () => {
    expect(parseGraceHours('24')).toEqual({ ok: true, hours: 24 });
    expect(parseGraceHours(' 0 ')).toEqual({ ok: true, hours: 0 });
    expect(parseGraceHours('1.5')).toEqual({ ok: true, hours: 1.5 });
    expect(parseGraceHours('720')).toEqual({ ok: true, hours: 720 });
  });

  test('says what is wrong with anything else', () => {
    expect(parseGraceHours('')).toMatchObject({ ok: false });
    expect(parseGraceHours('-1')).toEqual({ ok: false, problem: 'Between 0 and 720 hours (30 days).' });
    expect(parseGraceHours('721')).toMatchObject({ ok: false });
    expect(parseGraceHours('soon')).toMatchObject({ ok: false });
  });
});

describe('previousKeyNote', () => {
  const now = Date.parse('2025-11-20T10:00:00Z');
  const format = (iso: string) => `<${iso}>`;

  test('says until when the previous key works, while it does', () => {
    expect(previousKeyNote('2025-11-21T10:00:00.000Z', now, format)).toBe('The previous key is still accepted until <2025-11-21T10:00:00.000Z>.');
  });

  test('says nothing once it has stopped, or when there never was one', () => {
    expect(previousKeyNote('2025-11-19T10:00:00.000Z', now, format)).toBeNull();
    expect(previousKeyNote(null, now, format)).toBeNull();
  });
});
