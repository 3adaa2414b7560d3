import { useState } from 'react';
import { formatValue, parseValue, takesList, type FilterOp, type FilterValue } from '../filter-ops';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The value of a filter or condition row, typed as text and saved as what it means (see
 * parseValue). What was typed is kept while it still means the saved value, so "a," is not
 * rewritten to "a" mid-word; a value changed elsewhere (undo) shows as saved.
 */
export function ValueInput({
  label,
  op,
  value,
  onChange,
  disabled,
  invalid,
}: {
  label: string;
  op: FilterOp;
  value: FilterValue;
  onChange: (value: FilterValue) => void;
  disabled?: boolean;
  invalid?: boolean;
}) {
  const [draft, setDraft] = useState(() => formatValue(value));
  const shown = same(parseValue(draft, op), value) ? draft : formatValue(value);
  return (
    <input
      className="input"
      type="text"
      aria-label={label}
      placeholder={takesList(op) ? 'a, b, c' : 'value'}
      value={shown}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(parseValue(event.target.value, op));
      }}
    />
  );
}
