import { useCallback, useMemo, useRef, type RefObject } from 'react';
import { useTraitNames } from '../editor/inspector/inspector-api';
import { LiquidEditor, type LiquidEditorHandle } from '../editor/inspector/liquid-editor';
import type { LiquidNames } from '../editor/inspector/liquid-completions';
import { withField, type EditedItem, type OptionalField } from './draft-state';
import { problemMarks, problemPlace, problemsOfField } from './problem-marks';
import type { TemplateField, TemplateKind, TemplateProblem } from './template-types';

const noEventProperties: LiquidNames['eventProperties'] = [];

/**
 * The item's name and content: subject (templates only), preheader, the body in CodeMirror
 * (MJML or HTML with Liquid), an optional text part. Each problem is drawn where it is in its
 * field, and listed under the body: clicking one moves the cursor there.
 */
export function TemplateFields({
  id,
  kind,
  value,
  problems,
  readOnly,
  onChange,
}: {
  id: string;
  kind: TemplateKind;
  value: EditedItem;
  problems: readonly TemplateProblem[];
  readOnly: boolean;
  onChange: (value: EditedItem) => void;
}) {
  const traits = useTraitNames();
  // No entry event here: a template is sent by any journey. Properties are whatever the journey's event carries.
  const names = useMemo(() => ({ traits, eventProperties: noEventProperties }), [traits]);
  const subject = useRef<LiquidEditorHandle>(null);
  const preheader = useRef<LiquidEditorHandle>(null);
  const body = useRef<LiquidEditorHandle>(null);
  const text = useRef<LiquidEditorHandle>(null);
  const jump = (problem: TemplateProblem) => {
    if (problem.template !== id) return;
    const editor = { subject, preheader, body, text }[problem.field];
    editor.current?.jumpTo(problem.line ?? 1, problem.column);
  };
  const { draft } = value;
  const setField = (field: OptionalField | 'body', typed: string) => onChange({ ...value, draft: withField(draft, field, typed) });
  const shared = { id, names, problems, readOnly };

  return (
    <div className="template-fields">
      <div className="template-fields__row">
        <label className="field">
          <span className="field__label">Name</span>
          <input className="input" value={value.name} readOnly={readOnly} onChange={(event) => onChange({ ...value, name: event.target.value })} aria-invalid={value.name.trim() === ''} />
          {value.name.trim() === '' && <span className="error-text small">A name cannot be empty: the last one is kept until you write one.</span>}
        </label>
        <fieldset className="new-template__choice">
          <legend className="field__label">Format</legend>
          <div className="segmented" role="group" aria-label="Format">
            {(['mjml', 'html'] as const).map((format) => (
              <button key={format} type="button" className="button button--small" aria-pressed={draft.format === format} disabled={readOnly} onClick={() => onChange({ ...value, draft: { ...draft, format } })}>
                {format.toUpperCase()}
              </button>
            ))}
          </div>
        </fieldset>
      </div>
      {kind === 'template' && (
        <LineField field="subject" required label="Subject" hint="Liquid, e.g. {{ contact.firstName | default: 'there' }}. A journey’s step can override it." value={draft.subject ?? ''} handle={subject} onChange={(typed) => setField('subject', typed)} {...shared} />
      )}
      {kind === 'template' && (
        <LineField field="preheader" label="Preheader" hint="The line inboxes show after the subject; hidden in the email itself." value={draft.preheader ?? ''} handle={preheader} onChange={(typed) => setField('preheader', typed)} {...shared} />
      )}
      <div className="field template-body">
        <label className="field__label" htmlFor="template-body">
          Body <span className="muted small">({draft.format === 'mjml' ? 'MJML' : 'HTML'} with Liquid)</span>
        </label>
        <FieldEditor field="body" label="Body" value={draft.body} handle={body} multiline onChange={(typed) => setField('body', typed)} {...shared} />
        <ProblemList problems={problems} onJump={jump} />
      </div>
      {kind === 'template' && (
        <LineField field="text" label="Text part" hint="Empty: made from the HTML (words and links, no styling). Write one to choose its words." value={draft.text ?? ''} handle={text} multiline onChange={(typed) => setField('text', typed)} {...shared} />
      )}
    </div>
  );
}

type FieldEditorProps = Parameters<typeof FieldEditor>[0];

/** A Liquid field besides the body: subject (a template needs one), preheader, text part. */
function LineField({ hint, required = false, ...props }: FieldEditorProps & { hint: string; required?: boolean }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={`template-${props.field}`}>
        {props.label} {!required && <span className="inspector-optional">(optional)</span>}
      </label>
      <FieldEditor {...props} />
      <span className="field__hint">{hint}</span>
    </div>
  );
}

function FieldEditor({
  id,
  field,
  label,
  value,
  names,
  problems,
  readOnly,
  multiline,
  placeholder,
  handle,
  onChange,
}: {
  id: string;
  field: TemplateField;
  label: string;
  value: string;
  names: LiquidNames;
  problems: readonly TemplateProblem[];
  readOnly: boolean;
  multiline?: boolean;
  placeholder?: string;
  handle: RefObject<LiquidEditorHandle | null>;
  onChange: (text: string) => void;
}) {
  const own = useMemo(() => problemsOfField(problems, id, field), [problems, id, field]);
  // A new function for new problems: the editor places them in its text as it is then.
  const placeMarks = useCallback((text: string) => problemMarks(text, own), [own]);
  return (
    <LiquidEditor
      id={`template-${field}`}
      label={label}
      value={value}
      names={names}
      readOnly={readOnly}
      multiline={multiline}
      placeholder={placeholder}
      placeMarks={placeMarks}
      handle={handle}
      className={own.length > 0 ? 'liquid-editor--invalid' : undefined}
      onChange={onChange}
    />
  );
}

/** Every problem of the draft; one with a place moves the cursor to it. */
function ProblemList({ problems, onJump }: { problems: readonly TemplateProblem[]; onJump: (problem: TemplateProblem) => void }) {
  return (
    <div className="template-problems" role="region" aria-label="Problems">
      {problems.length === 0 ? (
        <p className="ok-text small">No problems: it can be published.</p>
      ) : (
        <>
          <p className="error-text small">
            {problems.length === 1 ? '1 problem' : `${problems.length} problems`}: publishing is refused until {problems.length === 1 ? 'it is' : 'they are'} fixed.
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.template}:${problem.field}:${problem.line ?? ''}:${problem.column ?? ''}:${problem.message}`}>
                <button type="button" className="template-problems__jump" onClick={() => onJump(problem)}>
                  <strong>{problemPlace(problem)}</strong>: {problem.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
