import type { EditorMark } from '../editor/inspector/liquid-marks';
import type { TemplateField, TemplateProblem } from './template-types';

const fieldNames: Record<TemplateField, string> = { subject: 'Subject', preheader: 'Preheader', body: 'Body', text: 'Text part' };

/** The problems of one field of this item (others, e.g. a layout's, have no place in its text). */
export function problemsOfField(problems: readonly TemplateProblem[], templateId: string, field: TemplateField): TemplateProblem[] {
  return problems.filter((problem) => problem.template === templateId && problem.field === field);
}

/** "Body, line 3, column 5", "Subject": where a problem is, as the list under the editor says it. */
export function problemPlace(problem: TemplateProblem): string {
  return [fieldNames[problem.field], problem.line !== undefined ? `line ${problem.line}` : null, problem.column !== undefined ? `column ${problem.column}` : null]
    .filter(Boolean)
    .join(', ');
}

/**
 * Where a problem at `line` (1-based) and `column` (1-based) sits in `text`: the word or tag
 * name that starts there ("<mj-textt" from its "<"), or the whole line when there is no column.
 * A line past the end is the last line, a column past the end is the line's end: the text may
 * have changed since the server checked it.
 */
export function problemRange(text: string, line: number, column?: number): { from: number; to: number; lineStart: number } {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let lineStart = 0;
  for (let at = 0; at < index; at++) lineStart += (lines[at]?.length ?? 0) + 1;
  const content = lines[index] ?? '';
  const lineEnd = lineStart + content.length;
  if (column === undefined) return { from: lineStart, to: Math.max(lineEnd, lineStart), lineStart };
  const offset = Math.min(Math.max(column, 1) - 1, content.length);
  const rest = content.slice(offset);
  const token = /^<\/?[\w:-]+|^[\w.:-]+|^\S/.exec(rest)?.[0] ?? '';
  return { from: lineStart + offset, to: lineStart + offset + token.length, lineStart };
}

/** The marks of a field's problems in its current text; problems without a line mark nothing in it. */
export function problemMarks(text: string, problems: readonly TemplateProblem[]): EditorMark[] {
  return problems
    .filter((problem) => problem.line !== undefined)
    .map((problem) => ({ ...problemRange(text, problem.line!, problem.column), message: problem.message }));
}
