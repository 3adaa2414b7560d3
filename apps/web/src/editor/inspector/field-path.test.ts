import { describe, expect, it } from 'vitest';
import { errorsAt, flattenErrors, formlessProblems, problemsToErrorSchema, splitPath } from './field-path';

describe('problemsToErrorSchema', () => {
  it('puts each problem on the field its dotted path names, array indexes included', () => {
    const errors = problemsToErrorSchema([
      { nodeId: 'b', field: 'cases.0.condition.attribute', message: 'name the attribute' },
      { nodeId: 'b', field: 'cases.0.condition.attribute', message: 'name the attribute' },
      { nodeId: 'b', field: 'cases', message: 'two cases share an id' },
      { nodeId: 'b', message: 'this step is never reached' },
    ]);
    expect(errors).toEqual({
      cases: { __errors: ['two cases share an id'], 0: { condition: { attribute: { __errors: ['name the attribute'] } } } },
    });
  });

  it('reads numeric keys as indexes', () => {
    expect(splitPath('paths.10.percent')).toEqual(['paths', 10, 'percent']);
    expect(splitPath('')).toEqual([]);
  });
});

describe('formlessProblems', () => {
  it('keeps the problems no field of the form can show', () => {
    const problems = [
      { message: 'no field' },
      { field: 'type', message: 'unknown node type' },
      { field: 'subject', message: 'write a subject line' },
    ];
    expect(formlessProblems(problems, ['subject', 'html']).map((problem) => problem.message)).toEqual(['no field', 'unknown node type']);
  });
});

describe('errorsAt and flattenErrors', () => {
  it('finds a row and lists its messages with where they sit', () => {
    const errors = problemsToErrorSchema([
      { field: 'conditions.1.op', message: 'choose an operator' },
      { field: 'conditions.1.value', message: 'in needs a list of values' },
    ]);
    expect(flattenErrors(errorsAt(errors, ['conditions', 1]))).toEqual(['op: choose an operator', 'value: in needs a list of values']);
    expect(errorsAt(errors, ['conditions', 0])).toBeUndefined();
  });
});
