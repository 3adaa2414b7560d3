import { isObject } from '../inspector-types';

const defaultUnits = ['seconds', 'minutes', 'hours', 'days', 'weeks'];

/**
 * A length of time as { amount, unit } on one line. An optional duration is cleared by emptying
 * the amount (a wait-for-event then waits without a time limit).
 */
export function DurationInput({
  id,
  label,
  value,
  units = defaultUnits,
  optional,
  onChange,
  disabled,
}: {
  id?: string;
  label: string;
  value: unknown;
  units?: readonly string[];
  optional?: boolean;
  onChange: (value: { amount?: number; unit: string } | undefined) => void;
  disabled?: boolean;
}) {
  const current = isObject(value) ? value : {};
  const amount = typeof current.amount === 'number' ? current.amount : undefined;
  const unit = typeof current.unit === 'string' ? current.unit : units.includes('days') ? 'days' : (units[0] ?? 'days');
  return (
    <div className="inspector-inline">
      <input
        id={id}
        className="input input--number"
        type="number"
        min={0}
        step="any"
        aria-label={`${label} amount`}
        placeholder={optional ? 'none' : undefined}
        value={amount ?? ''}
        disabled={disabled}
        onChange={(event) => {
          const text = event.target.value;
          if (text === '') onChange(optional ? undefined : { unit });
          else onChange({ amount: Number(text), unit });
        }}
      />
      <select
        className="select"
        aria-label={`${label} unit`}
        value={unit}
        disabled={disabled}
        onChange={(event) => onChange({ ...(amount === undefined ? {} : { amount }), unit: event.target.value })}
      >
        {units.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
