import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** A problem placed in the text: the characters to underline, the line to mark, and why. */
export interface EditorMark {
  from: number;
  to: number;
  lineStart: number;
  message: string;
}

/** Replaces the marks shown (the last check's problems). */
export const setMarks = StateEffect.define<readonly EditorMark[]>();

/**
 * Problems drawn in the text, as a linter's diagnostics are: the place underlined with the
 * message on hover, its line tinted. Marks move with the text typed around them until the next
 * check replaces them.
 */
export const problemMarks: Extension = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setMarks)) next = decorationsOf(effect.value, transaction.state.doc.length);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function decorationsOf(marks: readonly EditorMark[], length: number): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const mark of marks) {
    const lineStart = Math.min(mark.lineStart, length);
    ranges.push(Decoration.line({ class: 'cm-problem-line', attributes: { title: mark.message } }).range(lineStart));
    const from = Math.min(mark.from, length);
    const to = Math.min(mark.to, length);
    if (to > from) ranges.push(Decoration.mark({ class: 'cm-problem', attributes: { title: mark.message } }).range(from, to));
  }
  return Decoration.set(ranges, true);
}

/** Moves the cursor to a line and column (1-based) and brings it into view, with focus. */
export function jumpTo(view: EditorView, line: number, column = 1): void {
  const { doc } = view.state;
  const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const at = Math.min(target.from + Math.max(column, 1) - 1, target.to);
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  view.focus();
}
