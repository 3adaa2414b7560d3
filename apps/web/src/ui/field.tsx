import { useId, type ReactNode } from 'react';

/** What the control spreads onto itself: `<input {...control} />`. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
}

/**
 * A form control with its label above it and an optional hint below, tied to it by id (a label
 * wrapping a <select> would read its options into the control's name).
 */
export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: (control: FieldControl) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}
