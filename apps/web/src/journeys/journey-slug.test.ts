import { describe, expect, it } from 'vitest';
import { journeyIdProblem, slugFromName } from './journey-slug';

describe('slugFromName', () => {
  it('makes an id from a name', () => {
    expect(slugFromName('Welcome series')).toBe('welcome-series');
    expect(slugFromName('  Welcome série #2! ')).toBe('welcome-serie-2');
    expect(slugFromName('---')).toBe('');
    expect(slugFromName('Über Café')).toBe('uber-cafe');
  });

  it('never ends in a dash when cut short', () => {
    expect(slugFromName('abc def', 4)).toBe('abc');
  });

  it('makes ids the id rule accepts', () => {
    for (const name of ['Welcome series', '2nd chance', 'Ça va']) expect(journeyIdProblem(slugFromName(name))).toBeNull();
  });
});

describe('journeyIdProblem', () => {
  it('refuses empty ids and ids with other characters', () => {
    expect(journeyIdProblem('')).toMatch(/give/i);
    expect(journeyIdProblem('-x')).toMatch(/lowercase letters/);
    expect(journeyIdProblem('Welcome')).toMatch(/lowercase letters/);
    expect(journeyIdProblem('welcome-2')).toBeNull();
  });
});
