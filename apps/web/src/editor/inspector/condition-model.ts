import { isObject, type JsonObject } from './inspector-types';

/**
 * The condition builder's rows and the branch condition schema's shape, both ways, without React.
 * The builder shows a condition as "Match all | any" of rows; a row may be negated ("not") or be a
 * nested group. Each row keeps the path of its condition inside the saved shape, so the builder can
 * show the validator's messages on the row they belong to.
 */

export type RowKind = 'attribute' | 'event-count' | 'segment' | 'engagement' | 'group';
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
  engagement: 'Opened or clicked an email',
  group: 'Group of conditions',
};

export const rowKinds = Object.keys(rowKindLabels) as RowKind[];

/** A fresh condition of a kind: incomplete on purpose where only the marketer can fill it in. */
export function blankCondition(kind: RowKind): JsonObject {
  switch (kind) {
    case 'attribute':
      return { kind: 'attribute', attribute: '', op: 'eq' };
    case 'event-count':
      return { kind: 'event-count', event: '', filters: [], atLeast: 1, withinDays: 30 };
    case 'segment':
      return { kind: 'segment', segment: '', member: true };
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
  if (kind === 'attribute' || kind === 'event-count' || kind === 'segment' || kind === 'engagement' || kind === 'group') {
    return { kind, negated, condition: inner, path: innerPath };
  }
  return { kind: 'attribute', negated, condition: blankCondition('attribute'), path: innerPath };
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
