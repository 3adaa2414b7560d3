import { describe, expect, it } from 'vitest';
import { definitionProblems, formProblems, parseSegmentProblems } from './segment-problems';

describe('parseSegmentProblems', () => {
  it('reads each "path: message" of a refusal', () => {
    const problems = parseSegmentProblems('conditions.1.value: gt compares numbers or dates: use a number or a date like "2026-01-01"; name: name the segment');
    expect(problems).toEqual([
      { path: 'conditions.1.value', message: 'gt compares numbers or dates: use a number or a date like "2026-01-01"' },
      { path: 'name', message: 'name the segment' },
    ]);
  });

  it('keeps a message about the whole definition whole, colon and all', () => {
    expect(parseSegmentProblems('choose a condition kind: attribute, event-count, segment')).toEqual([
      { path: '', message: 'choose a condition kind: attribute, event-count, segment' },
    ]);
  });
});

describe('formProblems and definitionProblems', () => {
  const problems = parseSegmentProblems('name: name the segment; id: use up to 64 lowercase letters; groups: choose at least one RFM group; the definition uses itself');

  it('puts the name and id problems on their fields', () => {
    expect(formProblems(problems)).toEqual({ name: 'name the segment', id: 'use up to 64 lowercase letters' });
  });

  it("gives the builder the definition's problems, with their paths as fields", () => {
    expect(definitionProblems(problems)).toEqual([{ field: 'groups', message: 'choose at least one RFM group' }, { message: 'the definition uses itself' }]);
  });
});
