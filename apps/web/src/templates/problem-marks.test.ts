import { describe, expect, test } from 'vitest';
import { problemMarks, problemPlace, problemRange, problemsOfField } from './problem-marks';
import type { TemplateProblem } from './template-types';

const body = `<mjml>
  <mj-body>
    <mj-textt>Hello</mj-textt>
  </mj-body>
</mjml>`;

describe('problemRange', () => {
  test('underlines the tag name a problem points at, on its line', () => {
    const range = problemRange(body, 3, 5);
    expect(body.slice(range.from, range.to)).toBe('<mj-textt');
    expect(body.slice(range.lineStart, range.lineStart + 6)).toBe('    <m');
  });

  test('underlines a word, or one character when none starts there', () => {
    const text = 'Hi {{ contact.firstName | upcse }}';
    expect(text.slice(...span(problemRange(text, 1, 27)))).toBe('upcse');
    expect(text.slice(...span(problemRange(text, 1, 4)))).toBe('{');
  });

  test('marks the whole line when the problem has no column', () => {
    const range = problemRange(body, 2);
    expect(body.slice(range.from, range.to)).toBe('  <mj-body>');
  });

  test('stays inside the text when it changed since the check', () => {
    expect(problemRange('one\ntwo', 9, 3)).toEqual({ from: 6, to: 7, lineStart: 4 });
    expect(problemRange('one\ntwo', 1, 40)).toEqual({ from: 3, to: 3, lineStart: 0 });
    expect(problemRange('', 1, 1)).toEqual({ from: 0, to: 0, lineStart: 0 });
  });
});

describe('the problems of a field', () => {
  const problems: TemplateProblem[] = [
    { template: 'welcome', field: 'body', line: 3, column: 5, message: "Element mj-textt doesn't exist or is not registered" },
    { template: 'welcome', field: 'subject', line: 1, column: 10, message: 'undefined filter: upcse' },
    { template: 'welcome', field: 'body', message: 'there is no published partial "footr": create and publish it under Templates, or fix the name' },
    { template: 'base', field: 'body', line: 1, message: 'elsewhere' },
  ];

  test('are this item’s problems in that field', () => {
    expect(problemsOfField(problems, 'welcome', 'body').map((problem) => problem.message)).toEqual([problems[0]!.message, problems[2]!.message]);
    expect(problemsOfField(problems, 'welcome', 'text')).toEqual([]);
  });

  test('with a line are marked in its text; the others only listed', () => {
    expect(problemMarks(body, problemsOfField(problems, 'welcome', 'body'))).toEqual([
      { from: body.indexOf('<mj-textt'), to: body.indexOf('<mj-textt') + 9, lineStart: body.indexOf('    <mj-textt'), message: problems[0]!.message },
    ]);
  });

  test('say where they are', () => {
    expect(problems.map(problemPlace)).toEqual(['Body, line 3, column 5', 'Subject, line 1, column 10', 'Body', 'Body, line 1']);
  });
});

function span(range: { from: number; to: number }): [number, number] {
  return [range.from, range.to];
}
