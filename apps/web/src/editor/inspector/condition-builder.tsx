import type { ErrorSchema } from '@rjsf/utils';
import { lazy, Suspense } from 'react';
import {
  conditionToGroup,
  groupToCondition,
  groupToNestedCondition,
  nestedGroup,
  rowKindLabels,
  rowKinds as journeyRowKinds,
  withKind,
  withNewRow,
  withoutRow,
  withRow,
  type ConditionGroup,
  type ConditionRow,
  type RowKind,
} from './condition-model';
import { errorsAt, flattenErrors } from './field-path';
import { isFilterOp, needsValue, valueForOp, type FilterValue } from './filter-ops';
import type { JsonObject } from './inspector-types';
import { EventWindowFields, ListFields, PredictedFields, RfmFields, SegmentPicker } from './inputs/audience-condition-fields';
import { OpSelect } from './inputs/op-select';
import { EventNamePicker, TraitNamePicker } from './inputs/pickers';
import { PropertyFilters } from './inputs/property-filters';
import { RowErrors } from './inputs/row-errors';
import { ValueInput } from './inputs/value-input';
// The builder also serves the segment builder, outside the inspector: it brings its own styles.
import './inspector.css';

// Engagement reads the open journey's email steps from the editor's store, which brings the whole
// journey package: loaded only where an engagement row shows (never in a segment, which has none).
const EngagementFields = lazy(() => import('./inputs/engagement-fields').then((module) => ({ default: module.EngagementFields })));

/**
 * A branch (or schedule, or segment) condition as rows: "Match all / any" of trait comparisons,
 * event counts, segment and list membership, RFM groups, predicted value, email engagement and
 * nested groups. Never raw JSON. The shape work is in condition-model.ts; this file only draws it.
 * `kinds` limits what a row may be (a segment has no email engagement).
 */
export function ConditionBuilder({
  label,
  value,
  onChange,
  errors,
  disabled,
  kinds = journeyRowKinds,
}: {
  label: string;
  value: unknown;
  onChange: (value: JsonObject | undefined) => void;
  errors?: ErrorSchema;
  disabled?: boolean;
  kinds?: readonly RowKind[];
}) {
  return (
    <fieldset className="inspector-group condition-builder">
      <legend className="field__label">{label}</legend>
      <GroupEditor group={conditionToGroup(value)} onChange={(group) => onChange(groupToCondition(group))} errors={errors} disabled={disabled} prefix="Condition" kinds={kinds} />
    </fieldset>
  );
}

function GroupEditor({
  group,
  onChange,
  errors,
  disabled,
  prefix,
  kinds,
}: {
  group: ConditionGroup;
  onChange: (group: ConditionGroup) => void;
  errors?: ErrorSchema;
  disabled?: boolean;
  /** How rows are named: "Condition" → "Condition 2", nested "Condition 2." → "Condition 2.1". */
  prefix: string;
  kinds: readonly RowKind[];
}) {
  const rowName = (index: number) => `${prefix}${prefix.endsWith('.') ? '' : ' '}${index + 1}`;
  return (
    <div className="condition-group">
      {group.rows.length > 1 && (
        <div className="segmented" role="group" aria-label={`${prefix.replace(/\.$/, '')} match`}>
          {(['all', 'any'] as const).map((match) => (
            <button
              key={match}
              type="button"
              className="button button--small"
              aria-pressed={group.match === match}
              disabled={disabled}
              onClick={() => onChange({ ...group, match })}
            >
              Match {match}
            </button>
          ))}
        </div>
      )}
      {group.rows.length === 0 && <p className="muted small">No conditions yet.</p>}
      {group.rows.map((row, index) => (
        <RowEditor
          key={index}
          name={rowName(index)}
          row={row}
          errors={errors}
          disabled={disabled}
          kinds={kinds}
          onChange={(next) => onChange(withRow(group, index, next))}
          onRemove={() => onChange(withoutRow(group, index))}
        />
      ))}
      <div>
        <button type="button" className="button button--small" disabled={disabled} onClick={() => onChange(withNewRow(group))}>
          Add {prefix.endsWith('.') ? 'condition to the group' : 'condition'}
        </button>
      </div>
    </div>
  );
}

function RowEditor({
  name,
  row,
  onChange,
  onRemove,
  errors,
  disabled,
  kinds,
}: {
  name: string;
  row: ConditionRow;
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
  errors?: ErrorSchema;
  disabled?: boolean;
  kinds: readonly RowKind[];
}) {
  const rowErrors = errorsAt(errors, row.path);
  // A group's rows show their own messages; the group row only those about itself.
  const messages = row.kind === 'group' ? (rowErrors?.__errors ?? []) : flattenErrors(rowErrors);
  const set = (patch: JsonObject) => onChange({ ...row, condition: { ...row.condition, ...patch } });
  return (
    <div className="inspector-row condition-row">
      <div className="inspector-inline">
        <select
          className="select"
          aria-label={`${name} kind`}
          value={row.kind}
          disabled={disabled}
          onChange={(event) => onChange(withKind(row, event.target.value as RowKind))}
        >
          {/* A saved row of a kind not offered here still shows as what it is. */}
          {(kinds.includes(row.kind) ? kinds : [...kinds, row.kind]).map((kind) => (
            <option key={kind} value={kind}>
              {rowKindLabels[kind]}
            </option>
          ))}
        </select>
        <label className="inspector-check">
          <input type="checkbox" checked={row.negated} disabled={disabled} onChange={(event) => onChange({ ...row, negated: event.target.checked })} />
          Not
        </label>
        <button type="button" className="button button--small inspector-row__remove" disabled={disabled} onClick={onRemove}>
          Remove {name.toLowerCase()}
        </button>
      </div>
      <RowFields name={name} row={row} set={set} onChange={onChange} errors={rowErrors} rootErrors={errors} disabled={disabled} invalid={messages.length > 0} kinds={kinds} />
      <RowErrors messages={messages} />
    </div>
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOrUndefined(text: string): number | undefined {
  return text === '' ? undefined : Number(text);
}

function RowFields({
  name,
  row,
  set,
  onChange,
  errors,
  rootErrors,
  disabled,
  invalid,
  kinds,
}: {
  name: string;
  row: ConditionRow;
  set: (patch: JsonObject) => void;
  onChange: (row: ConditionRow) => void;
  errors?: ErrorSchema;
  /** The whole builder's errors: a nested group's rows carry paths from its root. */
  rootErrors?: ErrorSchema;
  disabled?: boolean;
  invalid: boolean;
  kinds: readonly RowKind[];
}) {
  const condition = row.condition;
  const replace = (next: JsonObject) => onChange({ ...row, condition: next });
  switch (row.kind) {
    case 'attribute': {
      const op = isFilterOp(condition.op) ? condition.op : 'eq';
      const value = condition.value as FilterValue;
      return (
        <div className="inspector-inline">
          <TraitNamePicker label={`${name} trait`} value={text(condition.attribute)} disabled={disabled} invalid={invalid} onChange={(attribute) => set({ attribute })} />
          <OpSelect label={`${name} operator`} value={op} disabled={disabled} onChange={(next) => set({ op: next, value: valueForOp(value, next) })} />
          {needsValue(op) && <ValueInput label={`${name} value`} op={op} value={value} disabled={disabled} onChange={(next) => set({ value: next })} />}
        </div>
      );
    }
    case 'event-count':
      return (
        <>
          <div className="inspector-inline">
            <EventNamePicker label={`${name} event`} value={text(condition.event)} disabled={disabled} invalid={invalid} onChange={(event) => set({ event })} />
          </div>
          <div className="inspector-inline">
            <span>at least</span>
            <input
              className="input input--number"
              type="number"
              min={1}
              step={1}
              aria-label={`${name} times`}
              value={typeof condition.atLeast === 'number' ? condition.atLeast : ''}
              disabled={disabled}
              onChange={(event) => set({ atLeast: numberOrUndefined(event.target.value) })}
            />
            <span>times</span>
            <EventWindowFields name={name} condition={condition} onCondition={replace} disabled={disabled} />
          </div>
          <PropertyFilters
            label="Where"
            rowLabel={`${name} filter`}
            value={condition.filters}
            event={text(condition.event) || undefined}
            errors={errorsAt(errors, ['filters'])}
            disabled={disabled}
            onChange={(filters) => set({ filters })}
          />
        </>
      );
    case 'segment':
      return (
        <div className="inspector-inline">
          <select
            className="select"
            aria-label={`${name} membership`}
            value={condition.member === false ? 'out' : 'in'}
            disabled={disabled}
            onChange={(event) => set({ member: event.target.value === 'in' })}
          >
            <option value="in">is in segment</option>
            <option value="out">is not in segment</option>
          </select>
          <SegmentPicker label={`${name} segment`} value={text(condition.segment)} disabled={disabled} invalid={invalid} onChange={(segment) => set({ segment })} />
        </div>
      );
    case 'list':
      return <ListFields name={name} condition={condition} onCondition={replace} disabled={disabled} invalid={invalid} />;
    case 'rfm':
      return <RfmFields name={name} condition={condition} onCondition={replace} disabled={disabled} />;
    case 'predicted':
      return <PredictedFields name={name} condition={condition} onCondition={replace} disabled={disabled} invalid={invalid} />;
    case 'engagement':
      return (
        <Suspense fallback={null}>
          <EngagementFields name={name} condition={condition} set={set} disabled={disabled} />
        </Suspense>
      );
    case 'group':
      return (
        <GroupEditor
          group={nestedGroup(row)}
          prefix={`${name}.`}
          errors={rootErrors}
          disabled={disabled}
          kinds={kinds}
          onChange={(group) => onChange({ ...row, condition: groupToNestedCondition(group) })}
        />
      );
  }
}
