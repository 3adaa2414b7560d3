import { sql, type SQL } from '@tend/db';

/**
 * SQL that reads JSON values the way the journey evaluator reads them in JavaScript
 * (packages/journey/src/ir/conditions.ts: getPath, asNumber, asIsoDate, and String() of a
 * number), so a segment and a branch condition agree on every contact. Each function takes a
 * jsonb expression (NULL for "no value") and never raises an error on odd input: a segment
 * query must not fail because one contact has a strange trait.
 */

/**
 * The value at a dotted path of a jsonb document, as getPath: objects by key; arrays only by an
 * all-digit key ("items.0.sku"). `->` with a text key finds object keys only, and
 * jsonb_extract_path reads an all-digit key as an array index or an object key; it is not used
 * for other keys, as it would also read "-1" or " 1" as array indexes.
 */
export function jsonAt(document: SQL, path: string): SQL {
  return path
    .split('.')
    .reduce((value, key) => (/^\d+$/.test(key) ? sql`jsonb_extract_path(${value}, ${key}::text)` : sql`(${value} -> ${key}::text)`), document);
}

/** No value: absent (SQL NULL) or JSON null. */
export function isMissing(value: SQL): SQL {
  return sql`(${value} is null or jsonb_typeof(${value}) = 'null')`;
}

// What JavaScript's String.prototype.trim removes (WhiteSpace and LineTerminator).
const jsWhitespace = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

function trimmedText(value: SQL): SQL {
  return sql`btrim(${value} #>> '{}', ${jsWhitespace}::text)`;
}

/**
 * asNumber as SQL: a JSON number, or a string that is plainly one ("50", "-1.5", "2e3"), as a
 * float8 (a JavaScript number); NULL otherwise. Unlike JavaScript, text longer than 1,000
 * characters or with an exponent of more than four digits is not read as a number: Postgres'
 * numeric type would refuse some of those with an error.
 */
export function numberIn(value: SQL): SQL {
  const text = trimmedText(value);
  return sql`(case jsonb_typeof(${value})
    when 'number' then ${asDouble(sql`(${value})::numeric`)}
    when 'string' then case when length(${text}) <= 1000 and ${text} ~ '^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?0*[0-9]{1,4})?$' then ${asDouble(sql`(${text})::numeric`)} end
  end)`;
}

/**
 * A numeric as the float8 JavaScript would read it (correctly rounded, as both sides are), NULL
 * beyond float8's range (JavaScript's Infinity, which asNumber refuses) and 0 below its
 * smallest step (JavaScript rounds those to 0; Postgres would raise an error).
 */
function asDouble(numeric: SQL): SQL {
  return sql`(case
    when abs(${numeric}) >= 1.7976931348623158079372897140530341507993e308 then null
    when abs(${numeric}) < 2.4703282292062328e-324 then 0::float8
    else (${numeric})::float8
  end)`;
}

/**
 * asIsoDate as SQL: epoch milliseconds (bigint) of a JSON string holding an ISO 8601 date or
 * date-time, NULL otherwise. The same pattern and checks: real days only, hours to 23, minutes and
 * seconds to 59, offsets to ±23:59 (as Date.parse), no offset read as UTC, fractions of a second
 * truncated to the millisecond. Computed with integer arithmetic, never a cast that could fail
 * (Postgres has no year 0, JavaScript does).
 */
export function dateIn(value: SQL): SQL {
  const pattern = '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]+))?)?(Z|([+-])([0-9]{2}):?([0-9]{2}))?)?$';
  return sql`(select case when ${validDateParts} then ${epochMillis} end
    from (
      select m[1]::int as y, m[2]::int as mo, m[3]::int as d, coalesce(m[4]::int, 0) as h, coalesce(m[5]::int, 0) as mi,
        coalesce(m[6]::int, 0) as s, coalesce(rpad(left(m[7], 3), 3, '0')::int, 0) as ms,
        case m[9] when '-' then -1 else 1 end as offset_sign, coalesce(m[10]::int, 0) as oh, coalesce(m[11]::int, 0) as om
      from (select regexp_match(${trimmedText(value)}, ${pattern}::text) as m) as matched
      where jsonb_typeof(${value}) = 'string' and m is not null
    ) as date_parts)`;
}

const validDateParts = sql.raw(`mo between 1 and 12
  and d between 1 and (case when mo = 2 then case when y % 4 = 0 and (y % 100 <> 0 or y % 400 = 0) then 29 else 28 end
    when mo in (4, 6, 9, 11) then 30 else 31 end)
  and h <= 23 and mi <= 59 and s <= 59 and oh <= 23 and om <= 59`);

// Days from 1970-01-01 to (y, mo, d) in the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil), with 400 years added so every division is of positive numbers.
const daysSinceEpoch = `(((y - (case when mo <= 2 then 1 else 0 end) + 400) / 400) * 146097
  + ((y - (case when mo <= 2 then 1 else 0 end) + 400) % 400) * 365
  + ((y - (case when mo <= 2 then 1 else 0 end) + 400) % 400) / 4
  - ((y - (case when mo <= 2 then 1 else 0 end) + 400) % 400) / 100
  + (153 * ((mo + 9) % 12) + 2) / 5 + d - 1
  - 719468 - 146097)`;

const epochMillis = sql.raw(`(${daysSinceEpoch}::bigint * 86400000 + h * 3600000::bigint + mi * 60000 + s * 1000 + ms
  - offset_sign * (oh * 60 + om) * 60000::bigint)`);

/**
 * The text a value is tested as by contains and starts_with: a string itself, a number as
 * JavaScript's String() writes it, NULL for anything else. A number is in plain notation from
 * 1e-6 up to 1e21 (without trailing zeros), and in JavaScript's exponent notation outside
 * ("1e+21", "1.5e-7"): Postgres' float8 text is the same shortest form with a two-digit exponent.
 */
export function textIn(value: SQL): SQL {
  const number = sql`(${value})::numeric`;
  return sql`(case jsonb_typeof(${value})
    when 'string' then ${value} #>> '{}'
    when 'number' then case
      when ${number} = 0 then '0'
      when abs(${number}) >= 1e21 or abs(${number}) < 1e-6 then regexp_replace((${asDouble(number)})::text, 'e([+-])0*([0-9])', 'e\\1\\2')
      else trim_scale(${number})::text
    end
  end)`;
}
