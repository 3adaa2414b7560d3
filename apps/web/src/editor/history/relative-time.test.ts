import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const now = Date.parse('2026-03-10T12:00:00Z');

describe('relativeTime', () => {
  it('uses the largest whole unit', () => {
    expect(relativeTime('2026-03-10T11:59:30Z', now, 'en')).toBe('just now');
    expect(relativeTime('2026-03-10T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-03-10T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-03-09T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-02-20T12:00:00Z', now, 'en')).toBe('2 weeks ago');
    expect(relativeTime('2025-01-01T00:00:00Z', now, 'en')).toBe('last year');
  });

  it('keeps text it cannot read', () => {
    expect(relativeTime('soon', now, 'en')).toBe('soon');
  });
});
