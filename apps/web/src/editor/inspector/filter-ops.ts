import { filterOps, type FilterOp, type Scalar } from '@tend/journey/ir';

export { filterOps, type FilterOp };

/** Operators as a marketer reads them, in the order the select offers them. */
export const opLabels: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  in: 'is one of',
  not_in: 'is none of',
  exists: 'is set',
  not_exists: 'is not set',
};

export type FilterValue = Scalar | Scalar[] | undefined;

export function isFilterOp(value: unknown): value is FilterOp {
  return typeof value === 'string' && (filterOps as readonly string[]).includes(value);
}

export function needsValue(op: FilterOp): boolean {
  return op !== 'exists' && op !== 'not_exists';
}

export function takesList(op: FilterOp): boolean {
  return op === 'in' || op === 'not_in';
}

/**
 * What a typed value means: "true"/"false" are booleans and a number written plainly is a number
 * (the evaluator matches 42 against "42" anyway), anything else is text. "042" stays text, so a
 * code with a leading zero is not turned into another value. A list is written "a, b, c".
 */
export function parseValue(text: string, op: FilterOp): FilterValue {
  if (!needsValue(op)) return undefined;
  if (takesList(op)) {
    const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    return items.length > 0 ? items.map(parseScalar) : undefined;
  }
  return text.trim() === '' ? undefined : parseScalar(text.trim());
}

function parseScalar(text: string): Scalar {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return text !== '' && Number.isFinite(number) && String(number) === text ? number : text;
}

/** A saved value as the text box shows it; the inverse of parseValue. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A value kept while the operator changes: a list becomes its first item, one value a list of one. */
export function valueForOp(value: FilterValue, op: FilterOp): FilterValue {
  if (!needsValue(op)) return undefined;
  if (takesList(op)) return value === undefined || value === null ? undefined : Array.isArray(value) ? value : [value];
  return Array.isArray(value) ? value[0] : value;
}
