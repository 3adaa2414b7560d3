import { describe, expect, test } from 'vitest';
import { apiProblems, problemAt, unplacedProblems } from './api-problems';

const refusal = JSON.stringify(
  [
    { code: 'too_small', path: ['email', 'cap', 'count'], message: 'a cap allows at least 1 message' },
    { code: 'custom', path: ['quietHours', 'end'], message: 'quiet hours need a start and an end that differ' },
    { code: 'custom', path: [], message: 'the policy as a whole' },
    { code: 'custom', path: ['sms', 'somethingNew'], message: 'a field the form lacks' },
  ],
  null,
  2,
);

describe('apiProblems', () => {
  test("puts each of zod's issues on the field its path names", () => {
    const problems = apiProblems({ message: refusal });
    expect(problemAt(problems, 'email.cap.count')).toBe('a cap allows at least 1 message');
    expect(problemAt(problems, 'quietHours.start', 'quietHours.end')).toBe('quiet hours need a start and an end that differ');
    expect(problemAt(problems, 'push.cap.count')).toBeUndefined();
    expect(unplacedProblems(problems, new Set(['email.cap.count', 'quietHours.end']))).toEqual(['the policy as a whole', 'sms.somethingNew: a field the form lacks']);
  });

  test('keeps any other error whole, for the form as a whole', () => {
    expect(apiProblems({ message: 'Needs the admin role' })).toEqual({ byField: {}, general: ['Needs the admin role'] });
    expect(apiProblems({ message: '[not json' })).toEqual({ byField: {}, general: ['[not json'] });
    expect(apiProblems(null)).toEqual({ byField: {}, general: [] });
  });
});
