import type { Problem } from '@tend/journey/editor';

/**
 * A refused segment, as the API says it: "conditions.1.value: gt compares numbers…; name: name
 * the segment". Read back into problems with paths, so each shows on its own field: the name and
 * id on theirs, the definition's on the builder's rows (paths inside the definition).
 */
export interface SegmentProblem {
  /** Dotted, e.g. "conditions.1.value"; empty for the definition as a whole. */
  path: string;
  message: string;
}

const pathPattern = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

export function parseSegmentProblems(message: string): SegmentProblem[] {
  return message
    .split('; ')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const colon = part.indexOf(': ');
      const path = colon === -1 ? '' : part.slice(0, colon);
      return pathPattern.test(path) ? { path, message: part.slice(colon + 2) } : { path: '', message: part };
    });
}

/** The fields of the segment itself; every other path is inside its definition. */
const formFields = new Set(['name', 'id', 'description']);

export function formProblems(problems: readonly SegmentProblem[]): Partial<Record<'name' | 'id' | 'description', string>> {
  const found: Partial<Record<'name' | 'id' | 'description', string>> = {};
  for (const problem of problems) if (formFields.has(problem.path)) found[problem.path as 'name'] ??= problem.message;
  return found;
}

/** The definition's problems as the editor's validator shapes them (`field` is the path), for the condition builder. */
export function definitionProblems(problems: readonly SegmentProblem[]): Problem[] {
  return problems.filter((problem) => !formFields.has(problem.path)).map((problem) => (problem.path ? { field: problem.path, message: problem.message } : { message: problem.message }));
}
