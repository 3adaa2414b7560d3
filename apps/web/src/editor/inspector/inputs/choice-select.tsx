/** One choice of a ChoiceSelect: a disabled one is shown, not chosen (an unpublished template, a value that names nothing). */
export interface Choice {
  value: string;
  label: string;
  disabled: boolean;
}

/** A form field's select over prepared choices (a template, a topic), marked invalid when the step's problem is about it. */
export function ChoiceSelect({ id, value, choices, disabled, invalid, onChange }: { id: string; value: string; choices: readonly Choice[]; disabled: boolean; invalid: boolean; onChange: (value: string) => void }) {
  return (
    <select id={id} className="select" value={value} disabled={disabled} aria-invalid={invalid || undefined} onChange={(event) => onChange(event.target.value)}>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value} disabled={choice.disabled}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
