import { predictedMeasures, type NumberOp, type PredictedMeasure } from '@tend/journey/ir';
import { isObject, type JsonObject } from './inspector-types';

/**
 * The condition builder's rows and the branch condition schema's shape, both ways, without React.
 * The builder shows a condition as "Match all | any" of rows; a row may be negated ("not") or be a
 * nested group. Each row keeps the path of its condition inside the saved shape, so the builder can
 * show the validator's messages on the row they belong to.
 */

export type RowKind = 'attribute' | 'event-count' | 'segment' | 'list' | 'rfm' | 'predicted' | 'engagement' | 'group';
export type Match = 'all' | 'any';

export interface ConditionRow {
  kind: RowKind;
  /** Wrapped in { kind: 'not' }. */
  negated: boolean;
  /** The condition itself (for a group: its { kind: 'all' | 'any', conditions }). */
  condition: JsonObject;
  /** Where the (unwrapped) condition sits inside the value the builder edits, for its errors. */
  path: (string | number)[];
}

export interface ConditionGroup {
  match: Match;
  rows: ConditionRow[];
}

export const rowKindLabels: Record<RowKind, string> = {
  attribute: 'Profile trait',
  'event-count': 'Did an event',
  segment: 'Segment membership',
  list: 'List membership',
  rfm: 'RFM group',
  predicted: 'Predicted value',
  engagement: 'Opened or clicked an email',
  group: 'Group of conditions',
};

/** Every kind, as a journey's branch offers them. */
export const rowKinds = Object.keys(rowKindLabels) as RowKind[];

/** A segment is about who a contact is, not what one journey sent them: no engagement. */
export const segmentRowKinds = rowKinds.filter((kind) => kind !== 'engagement');

/** A fresh condition of a kind: incomplete on purpose where only the marketer can fill it in. */
export function blankCondition(kind: RowKind): JsonObject {
  switch (kind) {
    case 'attribute':
      return { kind: 'attribute', attribute: '', op: 'eq' };
    case 'event-count':
      return { kind: 'event-count', event: '', filters: [], atLeast: 1, withinDays: 30 };
    case 'segment':
      return { kind: 'segment', segment: '', member: true };
    case 'list':
      return { kind: 'list', list: '', member: true };
    case 'rfm':
      return { kind: 'rfm', groups: [] };
    case 'predicted':
      return { kind: 'predicted', measure: 'expectedSpend', op: 'gte' };
    case 'engagement':
      return { kind: 'engagement', nodeId: '', action: 'opened' };
    case 'group':
      return { kind: 'all', conditions: [] };
  }
}

function rowOf(condition: unknown, path: (string | number)[]): ConditionRow {
  let negated = false;
  let inner = condition;
  let innerPath = path;
  // "not not x" is x: unwrap every level, flipping each time.
  while (isObject(inner) && inner.kind === 'not') {
    negated = !negated;
    inner = inner.condition;
    innerPath = [...innerPath, 'condition'];
  }
  if (!isObject(inner)) return { kind: 'attribute', negated, condition: blankCondition('attribute'), path: innerPath };
  const kind = inner.kind === 'all' || inner.kind === 'any' ? 'group' : inner.kind;
  if (isRowKind(kind)) return { kind, negated, condition: inner, path: innerPath };
  return { kind: 'attribute', negated, condition: blankCondition('attribute'), path: innerPath };
}

function isRowKind(kind: unknown): kind is RowKind {
  return rowKinds.some((known) => known === kind);
}

/** A saved condition (or nothing yet) as the builder's rows. */
export function conditionToGroup(condition: unknown): ConditionGroup {
  if (condition === undefined || condition === null) return { match: 'all', rows: [] };
  if (isObject(condition) && (condition.kind === 'all' || condition.kind === 'any')) {
    const conditions = Array.isArray(condition.conditions) ? condition.conditions : [];
    return { match: condition.kind, rows: conditions.map((inner, index) => rowOf(inner, ['conditions', index])) };
  }
  return { match: 'all', rows: [rowOf(condition, [])] };
}

/** A group read from a row (a nested group), with paths below the row's own. */
export function nestedGroup(row: ConditionRow): ConditionGroup {
  const group = conditionToGroup(row.condition);
  return { ...group, rows: group.rows.map((inner) => ({ ...inner, path: [...row.path, ...inner.path] })) };
}

export function rowToCondition(row: ConditionRow): JsonObject {
  return row.negated ? { kind: 'not', condition: row.condition } : row.condition;
}

/**
 * The rows as the schema's shape: one row is saved as itself, several as { kind: match }. No rows is
 * no condition at all (undefined): never an empty "all", which would quietly match everyone.
 */
export function groupToCondition(group: ConditionGroup): JsonObject | undefined {
  if (group.rows.length === 0) return undefined;
  if (group.rows.length === 1) return rowToCondition(group.rows[0]!);
  return { kind: group.match, conditions: group.rows.map(rowToCondition) };
}

/** The same rows as a nested group's condition: always a group, so the row stays a group. */
export function groupToNestedCondition(group: ConditionGroup): JsonObject {
  return { kind: group.match, conditions: group.rows.map(rowToCondition) };
}

export function withRow(group: ConditionGroup, index: number, row: ConditionRow): ConditionGroup {
  return { ...group, rows: group.rows.map((current, at) => (at === index ? row : current)) };
}

export function withoutRow(group: ConditionGroup, index: number): ConditionGroup {
  return { ...group, rows: group.rows.filter((_, at) => at !== index) };
}

export function withNewRow(group: ConditionGroup, kind: RowKind = 'attribute'): ConditionGroup {
  return { ...group, rows: [...group.rows, { kind, negated: false, condition: blankCondition(kind), path: [] }] };
}

/** A row turned into another kind starts blank (fields of one kind mean nothing to another). */
export function withKind(row: ConditionRow, kind: RowKind): ConditionRow {
  return kind === row.kind ? row : { ...row, kind, condition: blankCondition(kind) };
}

/**
 * Which window an event count uses: the last N days, from a date on, or both (the later bound
 * applies). Read from the fields present, so a half-typed date keeps its mode.
 */
export type EventWindow = 'days' | 'since' | 'both';

export function eventWindowOf(condition: JsonObject): EventWindow {
  const hasSince = 'since' in condition && condition.since !== undefined;
  const hasDays = 'withinDays' in condition && condition.withinDays !== undefined;
  return hasSince ? (hasDays ? 'both' : 'since') : 'days';
}

/** The condition with another window: fields the window does not use go, new ones start blank. */
export function withEventWindow(condition: JsonObject, window: EventWindow): JsonObject {
  const { withinDays, since, ...rest } = condition;
  const days = typeof withinDays === 'number' ? withinDays : 30;
  const date = typeof since === 'string' ? since : '';
  if (window === 'days') return { ...rest, withinDays: days };
  if (window === 'since') return { ...rest, since: date };
  return { ...rest, withinDays: days, since: date };
}

/** The RFM groups with `group` ticked or not, in the order they were ticked. */
export function withRfmGroup(condition: JsonObject, group: string, ticked: boolean): JsonObject {
  const groups = Array.isArray(condition.groups) ? condition.groups.filter((name): name is string => typeof name === 'string') : [];
  const without = groups.filter((name) => name !== group);
  return { ...condition, groups: ticked ? [...without, group] : without };
}

export const predictedMeasureLabels: Record<PredictedMeasure, string> = {
  probabilityAlive: 'probability still a customer (%)',
  expectedPurchases: 'expected purchases in 90 days',
  expectedSpend: 'expected spend in 90 days',
};

export { predictedMeasures };

export const numberOpLabels: Record<NumberOp, string> = { gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most' };

/** The value as the marketer types it: a probability as a percentage, the others as they are. */
export function predictedValueShown(measure: unknown, value: unknown): number | undefined {
  if (typeof value !== 'number') return undefined;
  return measure === 'probabilityAlive' ? roundFloat(value * 100) : value;
}

/** What a typed value saves as; undefined when nothing is typed (the validator asks for one). */
export function predictedValueSaved(measure: unknown, typed: string): number | undefined {
  if (typed.trim() === '') return undefined;
  const number = Number(typed);
  if (!Number.isFinite(number)) return undefined;
  return measure === 'probabilityAlive' ? roundFloat(number / 100) : number;
}

/** 0.07 × 100 is 7.000000000000001 in floating point: keep what a person would write. */
function roundFloat(value: number): number {
  return Number(value.toPrecision(12));
}
