import { useId } from 'react';

export interface NameOption {
  name: string;
  /** Shown beside the name in the list: a count or an example value. */
  hint?: string | null;
}

/**
 * A text box with suggestions (a native combobox: input + datalist). Free text stays allowed:
 * an event the workspace has not received yet is still a valid choice.
 */
export function NamePicker({
  id,
  label,
  value,
  options,
  onChange,
  disabled,
  placeholder,
  invalid,
}: {
  id?: string;
  label: string;
  value: string;
  options: readonly NameOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  placeholder?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  return (
    <>
      <input
        id={id}
        className="input"
        type="text"
        aria-label={id ? undefined : label}
        list={listId}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.name} value={option.name} label={option.hint ?? undefined} />
        ))}
      </datalist>
    </>
  );
}
