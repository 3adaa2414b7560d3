import { filterOps, opLabels, type FilterOp } from '../filter-ops';

export function OpSelect({ label, value, onChange, disabled }: { label: string; value: FilterOp; onChange: (op: FilterOp) => void; disabled?: boolean }) {
  return (
    <select className="select" aria-label={label} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as FilterOp)}>
      {filterOps.map((op) => (
        <option key={op} value={op}>
          {opLabels[op]}
        </option>
      ))}
    </select>
  );
}
