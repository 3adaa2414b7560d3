import { sql, type SQL } from '@tend/db';
import { asIsoDate, asNumber, type FilterOp, type Scalar } from '@tend/journey/ir';
import { dateIn, isMissing, numberIn, textIn } from './json-sql.js';

/**
 * One FilterOp test of a jsonb value, in SQL, with the journey evaluator's meaning
 * (`test` in packages/journey/src/ir/conditions.ts): numbers equal numerically (also as numeric
 * text), strings exactly, booleans only booleans; orderings compare numbers or ISO dates, never
 * text; contains and starts_with ignore case; an array value matches contains and in by any
 * element; a missing value fails every test but the negative ones. The expected value is known
 * here, so each branch of the JavaScript becomes SQL only for the case it can take.
 *
 * Always true or false, never NULL, so `not` of it is its opposite.
 */
export function filterSql(value: SQL, op: FilterOp, expected: Scalar | Scalar[] | undefined): SQL {
  switch (op) {
    case 'exists':
      return sql`(not ${isMissing(value)})`;
    case 'not_exists':
      return isMissing(value);
    case 'neq':
      return sql`(not ${filterSql(value, 'eq', expected)})`;
    case 'not_contains':
      return sql`(not ${filterSql(value, 'contains', expected)})`;
    case 'not_in':
      return sql`(not ${filterSql(value, 'in', expected)})`;
  }
  return sql`coalesce(not ${isMissing(value)} and ${positiveTest(value, op, expected)}, false)`;
}

function positiveTest(value: SQL, op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'starts_with' | 'in', expected: Scalar | Scalar[] | undefined): SQL {
  switch (op) {
    case 'eq':
      return Array.isArray(expected) ? sql`false` : equalsSql(value, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return Array.isArray(expected) ? sql`false` : orderSql(value, op, expected);
    case 'contains': {
      if (Array.isArray(expected)) return sql`false`;
      const part = textOf(expected);
      const inText = part === undefined ? sql`false` : sql`strpos(lower(${textIn(value)}), lower(${part}::text)) > 0`;
      return sql`(case when jsonb_typeof(${value}) = 'array' then ${anyElement(value, (item) => equalsSql(item, expected))} else ${inText} end)`;
    }
    case 'starts_with': {
      const start = Array.isArray(expected) ? undefined : textOf(expected);
      return start === undefined ? sql`false` : sql`starts_with(lower(${textIn(value)}), lower(${start}::text))`;
    }
    case 'in': {
      // A single value is read as a list of one; an array value matches if any element is listed.
      const listed = Array.isArray(expected) ? expected : [expected];
      const isListed = (item: SQL): SQL => (listed.length === 0 ? sql`false` : sql`(${sql.join(listed.map((one) => sql`coalesce(${equalsSql(item, one)}, false)`), sql` or `)})`);
      return sql`(case when jsonb_typeof(${value}) = 'array' then ${anyElement(value, isListed)} else ${isListed(value)} end)`;
    }
  }
}

/** Whether some element of a jsonb array passes `test`. */
function anyElement(array: SQL, test: (item: SQL) => SQL): SQL {
  return sql`exists (select 1 from jsonb_array_elements(${array}) as array_item(value) where ${test(sql.raw('array_item.value'))})`;
}

/** `equals` of the evaluator: numbers numerically, also against numeric text; everything else strictly. */
function equalsSql(value: SQL, expected: Scalar | undefined): SQL {
  if (expected === null || expected === undefined) return sql`false`;
  if (typeof expected === 'number') return sql`(${numberIn(value)} = ${expected}::float8)`;
  if (typeof expected === 'boolean') return sql`(${value} = ${JSON.stringify(expected)}::jsonb)`;
  const asText = sql`(jsonb_typeof(${value}) = 'string' and ${value} #>> '{}' = ${expected}::text)`;
  const number = asNumber(expected);
  // A number stored against numeric text ("42" equals 42), but text only equals the same text.
  return number === undefined ? asText : sql`(${asText} or (jsonb_typeof(${value}) = 'number' and ${numberIn(value)} = ${number}::float8))`;
}

/** Ordered as numbers when both are numbers, else as ISO dates when both are dates, else false. */
function orderSql(value: SQL, op: 'gt' | 'gte' | 'lt' | 'lte', expected: Scalar | undefined): SQL {
  const operator = sql.raw({ gt: '>', gte: '>=', lt: '<', lte: '<=' }[op]);
  const number = asNumber(expected);
  if (number !== undefined) return sql`(${numberIn(value)} ${operator} ${number}::float8)`;
  const date = asIsoDate(expected);
  if (date !== undefined) return sql`(${dateIn(value)} ${operator} ${date}::bigint)`;
  return sql`false`;
}

/** The evaluator's textOf for the expected value: text, or a finite number as String() writes it. */
function textOf(value: Scalar | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
