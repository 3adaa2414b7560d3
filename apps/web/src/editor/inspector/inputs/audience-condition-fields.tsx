import { useQuery } from '@tanstack/react-query';
import type { NumberOp, PredictedMeasure } from '@tend/journey/ir';
import { trpc } from '../../../trpc';
import {
  eventWindowOf,
  numberOpLabels,
  predictedMeasureLabels,
  predictedMeasures,
  predictedValueSaved,
  predictedValueShown,
  withEventWindow,
  withRfmGroup,
  type EventWindow,
} from '../condition-model';
import type { JsonObject } from '../inspector-types';
import { NamePicker } from './name-picker';

/**
 * The condition rows about a contact's audience (lists, RFM group, predicted value, segments)
 * and the window of an event count. Shared by a journey's branch and the segment builder.
 */

interface FieldsProps {
  /** The row's name, e.g. "Condition 2", prefixing each control's label. */
  name: string;
  condition: JsonObject;
  /** Replaces the row's condition. */
  onCondition: (condition: JsonObject) => void;
  disabled?: boolean;
  invalid?: boolean;
}

const pickerStale = 60_000;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const windowLabels: Record<EventWindow, string> = { days: 'in the last', since: 'since', both: 'in the last … and since' };

/** "in the last [30] days", "since [date]", or both (the later bound counts). */
export function EventWindowFields({ name, condition, onCondition, disabled }: FieldsProps) {
  const window = eventWindowOf(condition);
  const set = (patch: JsonObject) => onCondition({ ...condition, ...patch });
  return (
    <>
      <select className="select" aria-label={`${name} window`} value={window} disabled={disabled} onChange={(event) => onCondition(withEventWindow(condition, event.target.value as EventWindow))}>
        {(Object.keys(windowLabels) as EventWindow[]).map((option) => (
          <option key={option} value={option}>
            {windowLabels[option]}
          </option>
        ))}
      </select>
      {window !== 'since' && (
        <>
          <input
            className="input input--number"
            type="number"
            min={1}
            step="any"
            aria-label={`${name} days`}
            value={typeof condition.withinDays === 'number' ? condition.withinDays : ''}
            disabled={disabled}
            onChange={(event) => set({ withinDays: event.target.value === '' ? undefined : Number(event.target.value) })}
          />
          <span>days</span>
        </>
      )}
      {window !== 'days' && (
        <input
          className="input"
          type="date"
          aria-label={`${name} since`}
          value={text(condition.since)}
          disabled={disabled}
          onChange={(event) => set({ since: event.target.value })}
        />
      )}
    </>
  );
}

/** The workspace's segments by id, offered as suggestions; any id may still be typed. */
export function SegmentPicker({ label, value, onChange, disabled, invalid }: { label: string; value: string; onChange: (segment: string) => void; disabled?: boolean; invalid?: boolean }) {
  const segments = useQuery(trpc.segments.list.queryOptions(undefined, { staleTime: pickerStale })).data ?? [];
  return (
    <NamePicker
      label={label}
      value={value}
      placeholder="segment id, e.g. lapsed"
      disabled={disabled}
      invalid={invalid}
      onChange={onChange}
      options={segments.map((segment) => ({ name: segment.id, hint: segment.name }))}
    />
  );
}

export function ListFields({ name, condition, onCondition, disabled, invalid }: FieldsProps) {
  return (
    <div className="inspector-inline">
      <select
        className="select"
        aria-label={`${name} membership`}
        value={condition.member === false ? 'out' : 'in'}
        disabled={disabled}
        onChange={(event) => onCondition({ ...condition, member: event.target.value === 'in' })}
      >
        <option value="in">is on list</option>
        <option value="out">is not on list</option>
      </select>
      <input
        className="input"
        aria-label={`${name} list`}
        placeholder="list id, e.g. newsletter"
        value={text(condition.list)}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        onChange={(event) => onCondition({ ...condition, list: event.target.value })}
      />
    </div>
  );
}

/** The eleven RFM groups as tick boxes (from the server, with what each means); one ticked is enough. */
export function RfmFields({ name, condition, onCondition, disabled }: FieldsProps) {
  const known = useQuery(trpc.rfm.summary.queryOptions(undefined, { staleTime: pickerStale, select: (overview) => overview.groups })).data ?? [];
  const ticked = Array.isArray(condition.groups) ? condition.groups.filter((group): group is string => typeof group === 'string') : [];
  // A saved group the server no longer names still shows, so it can be unticked.
  const names = [...known.map((group) => group.name as string), ...ticked.filter((group) => !known.some((option) => option.name === group))];
  return (
    <div className="inspector-inline" role="group" aria-label={`${name} RFM groups`}>
      <span className="muted small">is in one of</span>
      {names.length === 0 && <span className="muted small">Loading the groups…</span>}
      {names.map((group) => (
        <label key={group} className="inspector-check" title={known.find((option) => option.name === group)?.description}>
          <input type="checkbox" checked={ticked.includes(group)} disabled={disabled} onChange={(event) => onCondition(withRfmGroup(condition, group, event.target.checked))} />
          {group}
        </label>
      ))}
    </div>
  );
}

/** "expected spend in 90 days · at least · 100"; a probability is typed as a percentage. */
export function PredictedFields({ name, condition, onCondition, disabled, invalid }: FieldsProps) {
  const measure = predictedMeasures.find((known) => known === condition.measure) ?? 'expectedSpend';
  const op = (['gt', 'gte', 'lt', 'lte'] as const).find((known) => known === condition.op) ?? 'gte';
  const shown = predictedValueShown(measure, condition.value);
  return (
    <div className="inspector-inline">
      <select
        className="select"
        aria-label={`${name} measure`}
        value={measure}
        disabled={disabled}
        // The number means something else in another measure: a percentage is not a spend.
        onChange={(event) => onCondition({ ...condition, measure: event.target.value as PredictedMeasure, value: undefined })}
      >
        {predictedMeasures.map((option) => (
          <option key={option} value={option}>
            {predictedMeasureLabels[option]}
          </option>
        ))}
      </select>
      <select className="select" aria-label={`${name} comparison`} value={op} disabled={disabled} onChange={(event) => onCondition({ ...condition, op: event.target.value as NumberOp })}>
        {Object.entries(numberOpLabels).map(([option, label]) => (
          <option key={option} value={option}>
            {label}
          </option>
        ))}
      </select>
      <input
        className="input input--number"
        type="number"
        step="any"
        min={0}
        max={measure === 'probabilityAlive' ? 100 : undefined}
        aria-label={`${name} value`}
        value={shown ?? ''}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        onChange={(event) => onCondition({ ...condition, value: predictedValueSaved(measure, event.target.value) })}
      />
      {measure === 'probabilityAlive' && <span>%</span>}
    </div>
  );
}
