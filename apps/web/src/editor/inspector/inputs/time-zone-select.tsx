/** Every zone the browser knows, UTC first (supportedValuesOf leaves it out in some engines). */
const zones: readonly string[] = (() => {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((zone) => zone !== 'UTC')];
})();

export function TimeZoneSelect({
  id,
  label,
  value,
  onChange,
  disabled,
  emptyLabel,
}: {
  id?: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  disabled?: boolean;
  /** Offered first when the field may be left unset. */
  emptyLabel?: string;
}) {
  // A saved zone this browser does not list still shows (and the validator has the last word).
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
  return (
    <select
      id={id}
      className="select"
      aria-label={id ? undefined : label}
      value={value ?? ''}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value || undefined)}
    >
      {(emptyLabel || !value) && <option value="">{emptyLabel ?? 'Choose a time zone'}</option>}
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
}
