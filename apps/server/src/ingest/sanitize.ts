/**
 * Postgres stores no NUL character (in text or jsonb) and no lone UTF-16 surrogate (jsonb
 * refuses its escape). Clients send both: a C string's terminator in a property, half an emoji
 * cut by a truncating SDK. Each becomes U+FFFD, in keys and values, so the call is stored rather
 * than failing the whole request.
 */
export function storableText(value: string): string {
  return unstorable.test(value) ? value.replace(unstorableAll, '\uFFFD') : value;
}

// Without the u flag a regex sees UTF-16 code units: a high surrogate not followed by a low one, or the reverse.
const pattern = '\\u0000|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const unstorable = new RegExp(pattern);
const unstorableAll = new RegExp(pattern, 'g');

/** A copy of a JSON value with every string (keys included) made storable. */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableJson(item)]));
  }
  return value;
}
