/**
 * The condition language of journeys: property filters (on event properties, for triggers and
 * event counts) and branch conditions (on what we know about a contact).
 *
 * Workflow code imports this file, so it is pure and deterministic: no dependencies, no I/O,
 * no clock. The worker fetches the facts (an activity) and the workflow evaluates them here.
 * Persisted in the IR: add kinds and operators, never rename them.
 */

export type Scalar = string | number | boolean | null;

export type FilterOp =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'contains'
  | 'not_contains'
  | 'starts_with'
  | 'in'
  | 'not_in'
  | 'exists'
  | 'not_exists';

export const filterOps = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'starts_with',
  'in',
  'not_in',
  'exists',
  'not_exists',
] as const satisfies readonly FilterOp[];

/** One test on a dotted property path, e.g. { property: 'total', op: 'gt', value: 50 } or { property: 'items.0.sku', op: 'eq', value: 'A1' }. */
export interface PropertyFilter {
  property: string;
  op: FilterOp;
  value?: Scalar | Scalar[];
}

export type Condition =
  /** Over the contact profile: traits plus email, userId and id. */
  | { kind: 'attribute'; attribute: string; op: FilterOp; value?: Scalar | Scalar[] }
  /**
   * "Did `event` (matching `filters`) at least `atLeast` times in the last `withinDays` days" and/or
   * "since `since`" (an ISO date): with both, the later bound applies; with neither, all time.
   * "Did not do Y since Z" is `not` around an event count of Y, at least 1, since Z.
   */
  | { kind: 'event-count'; event: string; filters: PropertyFilter[]; atLeast: number; withinDays?: number; since?: string }
  | { kind: 'segment'; segment: string; member: boolean }
  /** On (member: true) or not on (member: false) the list with this id. */
  | { kind: 'list'; list: string; member: boolean }
  /** In one of these RFM groups ("Champions", "At risk"…); a contact with no RFM score is in none. */
  | { kind: 'rfm'; groups: string[] }
  /** A predicted lifetime value compared with a number; false for a contact with no prediction. */
  | { kind: 'predicted'; measure: PredictedMeasure; op: NumberOp; value: number }
  /** The email sent by node `nodeId` was opened or clicked. */
  | { kind: 'engagement'; nodeId: string; action: 'opened' | 'clicked' }
  | { kind: 'all'; conditions: Condition[] }
  | { kind: 'any'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition };

export type EventCountCondition = Extract<Condition, { kind: 'event-count' }>;

/** What the lifetime-value models predict per contact (stored in `lifetime_values`). */
export type PredictedMeasure = 'probabilityAlive' | 'expectedPurchases' | 'expectedSpend';
export const predictedMeasures = ['probabilityAlive', 'expectedPurchases', 'expectedSpend'] as const satisfies readonly PredictedMeasure[];

/** The orderings a number can be tested with. */
export type NumberOp = 'gt' | 'gte' | 'lt' | 'lte';
export const numberOps = ['gt', 'gte', 'lt', 'lte'] as const satisfies readonly NumberOp[];

/** Facts fetched by the worker (an activity) before evaluating; the evaluator itself does no I/O. */
export interface ConditionFacts {
  /** Traits merged with { email, userId, id }. */
  profile: Record<string, unknown>;
  /** Keyed by eventCountKey(condition); a missing key counts as 0. */
  eventCounts: Record<string, number>;
  /** Segments the contact is in. */
  segments: readonly string[];
  /** By the node id of the send; a node that never sent anything is absent. */
  engagement: Record<string, { opened: boolean; clicked: boolean }>;
  /** Ids of the lists the contact is on. */
  lists: readonly string[];
  /** The contact's RFM group from the last computation, or null when they have no score. */
  rfmGroup: string | null;
  /** The contact's predicted lifetime value, or null when there is none. */
  predicted: Record<PredictedMeasure, number> | null;
}

/**
 * The value at a dotted path, e.g. 'address.city' or 'items.0.sku'; undefined if any step is missing.
 * Only own properties are followed (never 'constructor' or '__proto__'), and arrays only by index.
 */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) {
      current = /^\d+$/.test(key) ? current[Number(key)] : undefined;
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, key)) {
      current = (current as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return current;
}

/** All filters must match; no filters match everything. */
export function matchesFilters(properties: Record<string, unknown>, filters: readonly PropertyFilter[]): boolean {
  return filters.every((filter) => matchesFilter(properties, filter));
}

export function matchesFilter(properties: Record<string, unknown>, filter: PropertyFilter): boolean {
  return test(getPath(properties, filter.property), filter.op, filter.value);
}

export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  switch (condition.kind) {
    case 'attribute':
      return test(getPath(facts.profile, condition.attribute), condition.op, condition.value);
    case 'event-count':
      return (facts.eventCounts[eventCountKey(condition)] ?? 0) >= condition.atLeast;
    case 'segment':
      return facts.segments.includes(condition.segment) === condition.member;
    case 'list':
      return facts.lists.includes(condition.list) === condition.member;
    case 'rfm':
      return facts.rfmGroup !== null && condition.groups.includes(facts.rfmGroup);
    case 'predicted':
      return facts.predicted !== null && compareNumbers(facts.predicted[condition.measure], condition.op, condition.value);
    case 'engagement': {
      const seen = facts.engagement[condition.nodeId];
      // A click proves an open even when the open pixel never loaded (blocked images).
      if (condition.action === 'opened') return seen ? seen.opened || seen.clicked : false;
      return seen?.clicked ?? false;
    }
    case 'all':
      return condition.conditions.every((inner) => evaluateCondition(inner, facts));
    case 'any':
      return condition.conditions.some((inner) => evaluateCondition(inner, facts));
    case 'not':
      return !evaluateCondition(condition.condition, facts);
    default:
      throw new Error(`unknown condition kind "${(condition as { kind: unknown }).kind}"`);
  }
}

/** Stable key for an event-count condition's fact; `atLeast` is left out so thresholds share one count. */
export function eventCountKey(condition: EventCountCondition): string {
  // Arrays, not objects, so the key does not depend on the order fields were written in.
  const filters = condition.filters.map((filter) => [filter.property, filter.op, filter.value ?? null]);
  const key: unknown[] = [condition.event, filters, condition.withinDays ?? null];
  if (condition.since !== undefined) key.push(condition.since); // keys of conditions without `since` stay as they were
  return JSON.stringify(key);
}

/**
 * Epoch ms from which an event count counts events at `now`: the later of "`withinDays` days
 * before now" and `since`; undefined when the condition sets neither (all time). Both the worker
 * and the segments' SQL take their bound from here.
 */
export function eventCountFrom(condition: EventCountCondition, now: number): number | undefined {
  const bounds: number[] = [];
  if (condition.withinDays !== undefined) bounds.push(now - condition.withinDays * 86_400_000);
  const since = condition.since === undefined ? undefined : asIsoDate(condition.since);
  if (since !== undefined) bounds.push(since);
  const from = Math.max(...bounds);
  // A bound before year 1 (a huge withinDays) is all time: nothing is older, and no database stores such a date.
  return bounds.length === 0 || from < earliestBound ? undefined : from;
}

/** 0001-01-01T00:00:00Z. */
const earliestBound = -62_135_596_800_000;

/** Every kind of condition used inside (recursively), so the worker fetches only the facts they read. */
export function conditionKindsUsed(conditions: readonly Condition[]): Set<Condition['kind']> {
  const kinds = new Set<Condition['kind']>();
  const visit = (inner: Condition): void => {
    kinds.add(inner.kind);
    if (inner.kind === 'all' || inner.kind === 'any') inner.conditions.forEach(visit);
    else if (inner.kind === 'not') visit(inner.condition);
  };
  conditions.forEach(visit);
  return kinds;
}

/** Every event-count condition inside (recursively), one per key, so the worker knows which counts to query. */
export function eventCountQueries(condition: Condition): EventCountCondition[] {
  const found = new Map<string, EventCountCondition>();
  const visit = (inner: Condition): void => {
    if (inner.kind === 'event-count') {
      const key = eventCountKey(inner);
      if (!found.has(key)) found.set(key, inner);
    } else if (inner.kind === 'all' || inner.kind === 'any') inner.conditions.forEach(visit);
    else if (inner.kind === 'not') visit(inner.condition);
  };
  visit(condition);
  return [...found.values()];
}

/** A finite number, or a string that is plainly one ("50", "-1.5", "2e3"); not "", " ", "0x10" or "Infinity". */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date ("2026-01-01") or date-time
 * ("2026-01-01T09:30:00+02:00"); undefined for anything else, including impossible days.
 * A date-time without an offset is read as UTC, never as the worker's local time, so every
 * worker replaying a workflow gets the same answer.
 */
export function asIsoDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = isoDate.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, offset] = match;
  if (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month))) return undefined;
  if (Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return undefined;
  let normalised = value.trim().replace(' ', 'T');
  if (hour !== undefined && offset === undefined) normalised += 'Z';
  else if (offset && /^[+-]\d{4}$/.test(offset)) normalised = `${normalised.slice(0, -5)}${offset.slice(0, 3)}:${offset.slice(3)}`;
  const time = Date.parse(normalised);
  return Number.isNaN(time) ? undefined : time;
}

function test(actual: unknown, op: FilterOp, expected: Scalar | Scalar[] | undefined): boolean {
  switch (op) {
    case 'exists':
      return !isMissing(actual);
    case 'not_exists':
      return isMissing(actual);
    case 'neq':
    case 'not_contains':
    case 'not_in':
      return !test(actual, positive[op], expected);
  }
  if (isMissing(actual)) return false;
  switch (op) {
    case 'eq':
      return !Array.isArray(expected) && equals(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const order = compare(actual, expected);
      if (order === undefined) return false;
      return op === 'gt' ? order > 0 : op === 'gte' ? order >= 0 : op === 'lt' ? order < 0 : order <= 0;
    }
    case 'contains': {
      if (Array.isArray(expected)) return false;
      if (Array.isArray(actual)) return actual.some((item) => equals(item, expected));
      const [text, part] = [textOf(actual), textOf(expected)];
      return text !== undefined && part !== undefined && text.toLowerCase().includes(part.toLowerCase());
    }
    case 'starts_with': {
      const [text, start] = [textOf(actual), Array.isArray(expected) ? undefined : textOf(expected)];
      return text !== undefined && start !== undefined && text.toLowerCase().startsWith(start.toLowerCase());
    }
    case 'in': {
      // A single value is read as a list of one; an array property matches if any element is listed.
      const list = Array.isArray(expected) ? expected : [expected];
      const items: unknown[] = Array.isArray(actual) ? actual : [actual];
      return items.some((item) => list.some((listed) => equals(item, listed)));
    }
  }
}

const positive = { neq: 'eq', not_contains: 'contains', not_in: 'in' } as const;

function compareNumbers(actual: number, op: NumberOp, expected: number): boolean {
  return op === 'gt' ? actual > expected : op === 'gte' ? actual >= expected : op === 'lt' ? actual < expected : actual <= expected;
}

/** 0 for a month that does not exist, so no day fits in it. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * Numbers equal numerically, also against a numeric string ("42" equals 42). Everything else is
 * strict: strings case-sensitively and exactly ("042" is not "42"), booleans only equal booleans
 * ("true" is not true). Null and undefined are both "no value" and never equal anything.
 */
function equals(actual: unknown, expected: unknown): boolean {
  if (isMissing(actual) || isMissing(expected)) return false;
  if (typeof actual === 'number' || typeof expected === 'number') {
    const a = asNumber(actual);
    const b = asNumber(expected);
    return a !== undefined && b !== undefined && a === b;
  }
  return actual === expected;
}

/** Order as numbers, else as ISO dates; undefined when the two are not comparable (never "abc" vs 5). */
function compare(actual: unknown, expected: unknown): number | undefined {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return a - b;
  const dateA = asIsoDate(actual);
  const dateB = asIsoDate(expected);
  if (dateA !== undefined && dateB !== undefined) return dateA - dateB;
  return undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
