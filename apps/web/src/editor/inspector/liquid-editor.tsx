import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { liquid } from '@codemirror/lang-liquid';
import { bracketMatching } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, placeholder as placeholderText } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { liquidProperties, liquidRoots, minimalChange, type LiquidNames } from './liquid-completions';
import { jumpTo, problemMarks, setMarks, type EditorMark } from './liquid-marks';

/** What a parent can do to a mounted editor: bring a problem's place into view. */
export interface LiquidEditorHandle {
  jumpTo(line: number, column?: number): void;
}

/**
 * A Liquid template field: CodeMirror 6 over HTML (lang-liquid's default base, so MJML tags
 * highlight too), mounted once. The value flows both ways: typing calls onChange, and a value
 * changed elsewhere (undo, another tab's draft) is applied as the smallest edit, so the cursor
 * stays where the marketer left it. `placeMarks` draws problems in the text (see liquid-marks.ts).
 */
export function LiquidEditor({
  id,
  label,
  value,
  onChange,
  names,
  readOnly,
  multiline,
  placeholder,
  placeMarks,
  handle,
  className,
}: {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Trait and entry-event property names for completion after `contact.` and `event.`. */
  names: LiquidNames;
  readOnly?: boolean;
  multiline?: boolean;
  placeholder?: string;
  /** Places problems in the text as it is when they arrive (a new function: new problems). */
  placeMarks?: (text: string) => readonly EditorMark[];
  handle?: Ref<LiquidEditorHandle>;
  className?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ value, onChange, names, readOnly, label, id, placeholder });
  const editable = useRef(new Compartment());
  useEffect(() => {
    latest.current = { value, onChange, names, readOnly, label, id, placeholder };
  });

  useEffect(() => {
    const initial = latest.current;
    const created = new EditorView({
      parent: host.current ?? undefined,
      state: EditorState.create({
        doc: initial.value,
        extensions: [
          minimalSetup,
          EditorView.lineWrapping,
          liquid({ variables: liquidRoots, properties: (path) => liquidProperties(path, latest.current.names) }),
          autocompletion(),
          // "{{" and "{%" close themselves (lang-liquid asks for it), and the pair shows.
          closeBrackets(),
          bracketMatching(),
          placeholderText(initial.placeholder ?? ''),
          EditorView.contentAttributes.of({ 'aria-label': initial.label, ...(initial.id ? { id: initial.id } : {}) }),
          editable.current.of([EditorState.readOnly.of(Boolean(initial.readOnly)), EditorView.editable.of(!initial.readOnly)]),
          problemMarks,
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            if (text !== latest.current.value) latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const change = minimalChange(current.state.doc.toString(), value);
    if (change) current.dispatch({ changes: change });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: editable.current.reconfigure([EditorState.readOnly.of(Boolean(readOnly)), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  // After the value effect above, so marks are placed in the text as it is now; then they move with edits.
  useEffect(() => {
    const current = view.current;
    if (current) current.dispatch({ effects: setMarks.of(placeMarks ? placeMarks(current.state.doc.toString()) : []) });
  }, [placeMarks]);

  useImperativeHandle(handle, () => ({ jumpTo: (line, column) => view.current && jumpTo(view.current, line, column) }), []);

  return <div ref={host} className={['liquid-editor', multiline ? 'liquid-editor--multiline' : '', className ?? ''].filter(Boolean).join(' ')} />;
}
