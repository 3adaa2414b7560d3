import type { FieldProps } from '@rjsf/utils';
import { ConditionBuilder } from './condition-builder';
import { formContextOf } from './form-context';
import { isObject, type JsonObject } from './inspector-types';
import { DurationInput } from './inputs/duration-input';
import { KeyValueRows } from './inputs/key-value-rows';
import { PropertyFilters } from './inputs/property-filters';
import { humanise, itemNoun } from './labels';
import { propertiesOf } from './schema-walk';

/** Our rjsf fields: whole objects and lists drawn as one control (see ui-schema.ts for which is which). */

function labelOf(props: FieldProps, fallback: string): string {
  const title = props.uiSchema?.['ui:title'];
  if (typeof title === 'string') return title;
  if (typeof props.schema.title === 'string') return props.schema.title;
  return props.name ? humanise(props.name) : fallback;
}

function change(props: FieldProps, value: unknown): void {
  props.onChange(value, props.fieldPathId.path);
}

const off = (props: FieldProps) => Boolean(props.disabled || props.readonly);

export function DurationField(props: FieldProps) {
  const label = labelOf(props, 'Duration');
  const unit = propertiesOf(props.schema as JsonObject).unit;
  const units = Array.isArray(unit?.enum) ? unit.enum.filter((option): option is string => typeof option === 'string') : undefined;
  return (
    <fieldset className="inspector-group inspector-group--plain">
      <legend className="field__label">{label}</legend>
      <DurationInput
        id={props.fieldPathId.$id}
        label={label}
        value={props.formData}
        units={units}
        optional={!props.required && props.name !== ''}
        disabled={off(props)}
        onChange={(value) => change(props, value)}
      />
    </fieldset>
  );
}

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Days of the week, 0 = Sunday … 6 = Saturday; none ticked means any day. */
export function WeekdaysField(props: FieldProps) {
  const days = new Set(Array.isArray(props.formData) ? props.formData.filter((day): day is number => typeof day === 'number') : []);
  const toggle = (day: number, on: boolean) => {
    const next = new Set(days);
    if (on) next.add(day);
    else next.delete(day);
    change(props, [...next].sort((a, b) => a - b));
  };
  return (
    <fieldset className="inspector-group inspector-group--plain">
      <legend className="field__label">{labelOf(props, 'Weekdays')}</legend>
      <div className="weekdays">
        {dayNames.map((day, index) => (
          <label key={day} className="weekdays__day" title={day}>
            <input type="checkbox" aria-label={day} checked={days.has(index)} disabled={off(props)} onChange={(event) => toggle(index, event.target.checked)} />
            {day.slice(0, 3)}
          </label>
        ))}
      </div>
      <span className="field__hint">None ticked: any day.</span>
    </fieldset>
  );
}

export function ConditionField(props: FieldProps) {
  return (
    <ConditionBuilder
      label={labelOf(props, 'Condition')}
      value={props.formData}
      errors={props.errorSchema}
      disabled={off(props)}
      onChange={(value) => change(props, value)}
    />
  );
}

export function PropertyFiltersField(props: FieldProps) {
  return (
    <PropertyFilters
      label={labelOf(props, 'Filters')}
      value={props.formData}
      event={formContextOf(props.registry.formContext).event}
      errors={props.errorSchema}
      disabled={off(props)}
      onChange={(value) => change(props, value)}
    />
  );
}

/** Name → value maps: text values (headers), or any JSON value when the schema allows it. */
export function RecordField(props: FieldProps) {
  const values = props.schema.additionalProperties;
  const typed = !(isObject(values) && values.type === 'string');
  const noun = itemNoun(props.name);
  return (
    <KeyValueRows
      label={labelOf(props, 'Values')}
      noun={noun === 'item' ? 'entry' : noun}
      value={props.formData}
      typed={typed}
      errors={props.errorSchema}
      disabled={off(props)}
      onChange={(value) => change(props, value)}
    />
  );
}
