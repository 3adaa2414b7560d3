import type { ErrorSchema } from '@rjsf/utils';
import { errorsAt, flattenErrors } from '../field-path';
import { isFilterOp, needsValue, valueForOp, type FilterOp, type FilterValue } from '../filter-ops';
import { isObject, type JsonObject } from '../inspector-types';
import { OpSelect } from './op-select';
import { PropertyNamePicker } from './pickers';
import { RowErrors } from './row-errors';
import { ValueInput } from './value-input';

interface FilterRow {
  property: string;
  op: FilterOp;
  value: FilterValue;
}

function rowsOf(value: unknown): FilterRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    const row: JsonObject = isObject(item) ? item : {};
    return {
      property: typeof row.property === 'string' ? row.property : '',
      op: isFilterOp(row.op) ? row.op : 'eq',
      value: row.value as FilterValue,
    };
  });
}

function saved(row: FilterRow): JsonObject {
  return row.value === undefined ? { property: row.property, op: row.op } : { ...row };
}

/**
 * Rows of property / operator / value on an event's properties (propertyFilterSchema's shape).
 * `event` names the event whose properties are suggested.
 */
export function PropertyFilters({
  label,
  rowLabel = 'Filter',
  value,
  onChange,
  event,
  errors,
  disabled,
}: {
  label: string;
  /** Prefix of each row's control names, e.g. "Condition 2 filter". */
  rowLabel?: string;
  value: unknown;
  onChange: (value: JsonObject[]) => void;
  event: string | undefined;
  errors?: ErrorSchema;
  disabled?: boolean;
}) {
  const rows = rowsOf(value);
  const write = (next: FilterRow[]) => onChange(next.map(saved));
  const update = (index: number, patch: Partial<FilterRow>) => write(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="inspector-group">
      <legend className="field__label">{label}</legend>
      {rows.length === 0 && <p className="muted small">No filters: every {event ? `"${event}"` : ''} event matches.</p>}
      {rows.map((row, index) => {
        const name = `${rowLabel} ${index + 1}`;
        const messages = flattenErrors(errorsAt(errors, [index]));
        return (
          <div key={index} className="inspector-row">
            <div className="inspector-inline">
              <PropertyNamePicker
                label={`${name} property`}
                event={event}
                value={row.property}
                disabled={disabled}
                invalid={messages.length > 0}
                onChange={(property) => update(index, { property })}
              />
              <OpSelect label={`${name} operator`} value={row.op} disabled={disabled} onChange={(op) => update(index, { op, value: valueForOp(row.value, op) })} />
              {needsValue(row.op) && (
                <ValueInput label={`${name} value`} op={row.op} value={row.value} disabled={disabled} onChange={(next) => update(index, { value: next })} />
              )}
              <button type="button" className="button button--small" disabled={disabled} onClick={() => write(rows.filter((_, at) => at !== index))}>
                Remove {name.toLowerCase()}
              </button>
            </div>
            <RowErrors messages={messages} />
          </div>
        );
      })}
      <div>
        <button type="button" className="button button--small" disabled={disabled} onClick={() => write([...rows, { property: '', op: 'eq', value: undefined }])}>
          Add {rowLabel.toLowerCase()}
        </button>
      </div>
      <RowErrors messages={errors?.__errors ?? []} />
    </fieldset>
  );
}
