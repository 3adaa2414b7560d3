import type { ErrorSchema } from '@rjsf/utils';
import { useEditor } from '../store/editor-store';
import {
  conditionToGroup,
  groupToCondition,
  groupToNestedCondition,
  nestedGroup,
  rowKindLabels,
  rowKinds,
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
import { OpSelect } from './inputs/op-select';
import { EventNamePicker, TraitNamePicker } from './inputs/pickers';
import { PropertyFilters } from './inputs/property-filters';
import { RowErrors } from './inputs/row-errors';
import { ValueInput } from './inputs/value-input';

/**
 * A branch (or schedule) condition as rows: "Match all / any" of trait comparisons, event counts,
 * segment membership, email engagement and nested groups. Never raw JSON. The shape work is in
 * condition-model.ts; this file only draws it.
 */
export function ConditionBuilder({
  label,
  value,
  onChange,
  errors,
  disabled,
}: {
  label: string;
  value: unknown;
  onChange: (value: JsonObject | undefined) => void;
  errors?: ErrorSchema;
  disabled?: boolean;
}) {
  return (
    <fieldset className="inspector-group condition-builder">
      <legend className="field__label">{label}</legend>
      <GroupEditor group={conditionToGroup(value)} onChange={(group) => onChange(groupToCondition(group))} errors={errors} disabled={disabled} prefix="Condition" />
    </fieldset>
  );
}

function GroupEditor({
  group,
  onChange,
  errors,
  disabled,
  prefix,
}: {
  group: ConditionGroup;
  onChange: (group: ConditionGroup) => void;
  errors?: ErrorSchema;
  disabled?: boolean;
  /** How rows are named: "Condition" → "Condition 2", nested "Condition 2." → "Condition 2.1". */
  prefix: string;
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
}: {
  name: string;
  row: ConditionRow;
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
  errors?: ErrorSchema;
  disabled?: boolean;
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
          {rowKinds.map((kind) => (
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
      <RowFields name={name} row={row} set={set} onChange={onChange} errors={rowErrors} rootErrors={errors} disabled={disabled} invalid={messages.length > 0} />
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
}) {
  const condition = row.condition;
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
            <span>times in the last</span>
            <input
              className="input input--number"
              type="number"
              min={1}
              step="any"
              aria-label={`${name} days`}
              value={typeof condition.withinDays === 'number' ? condition.withinDays : ''}
              disabled={disabled}
              onChange={(event) => set({ withinDays: numberOrUndefined(event.target.value) })}
            />
            <span>days</span>
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
          <input
            className="input"
            aria-label={`${name} segment`}
            placeholder="segment name"
            value={text(condition.segment)}
            disabled={disabled}
            aria-invalid={invalid || undefined}
            onChange={(event) => set({ segment: event.target.value })}
          />
        </div>
      );
    case 'engagement':
      return <EngagementFields name={name} condition={condition} set={set} disabled={disabled} />;
    case 'group':
      return (
        <GroupEditor
          group={nestedGroup(row)}
          prefix={`${name}.`}
          errors={rootErrors}
          disabled={disabled}
          onChange={(group) => onChange({ ...row, condition: groupToNestedCondition(group) })}
        />
      );
  }
}

/** The email steps of this journey, by id: engagement reads opens and clicks of what one sent. */
function EngagementFields({ name, condition, set, disabled }: { name: string; condition: JsonObject; set: (patch: JsonObject) => void; disabled?: boolean }) {
  const emailSteps = useEditor((state) => state.nodes).filter((node) => node.type === 'send-email');
  const nodeId = text(condition.nodeId);
  return (
    <div className="inspector-inline">
      <select className="select" aria-label={`${name} action`} value={condition.action === 'clicked' ? 'clicked' : 'opened'} disabled={disabled} onChange={(event) => set({ action: event.target.value })}>
        <option value="opened">opened</option>
        <option value="clicked">clicked</option>
      </select>
      <select className="select" aria-label={`${name} email step`} value={nodeId} disabled={disabled} onChange={(event) => set({ nodeId: event.target.value })}>
        <option value="">Choose the email step</option>
        {nodeId && !emailSteps.some((node) => node.id === nodeId) && <option value={nodeId}>{nodeId} (not in this journey)</option>}
        {emailSteps.map((node) => (
          <option key={node.id} value={node.id}>
            {typeof node.data.subject === 'string' && node.data.subject ? `${node.data.subject} (${node.id})` : node.id}
          </option>
        ))}
      </select>
    </div>
  );
}
