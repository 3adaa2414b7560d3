/**
 * The Liquid filters node summaries use. A summary renders a config that may be incomplete
 * (a draft, an older version), so each filter checks the shape it gets and returns '' (or 0,
 * or []) when it is not there, never "undefined".
 */

/** A trimmed, non-empty text, or ''. */
function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A number, or '' (so `| default:` can supply one). */
function number(value: unknown): number | '' {
  return typeof value === 'number' && Number.isFinite(value) ? value : '';
}

/** How many items a list holds; 0 for anything else. */
function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** The keys of an object; [] for anything else. */
function keys(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

/** The texts of a list; [] for anything else. */
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** 1 | plural: 'day' → "1 day"; 3 → "3 days". */
function plural(value: unknown, word: unknown): string {
  const n = typeof value === 'number' ? value : Number(value);
  return `${n} ${String(word)}${n === 1 ? '' : 's'}`;
}

/** Message text as one line: a card has room for one. */
function oneline(value: unknown): string {
  return text(value).replace(/\s+/g, ' ');
}

/** { amount: 4, unit: 'hours' } → "4 hours"; { amount: 1, unit: 'days' } → "1 day"; else ''. */
function duration(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const { amount, unit } = value as Record<string, unknown>;
  const unitName = text(unit);
  if (typeof amount !== 'number' || !unitName) return '';
  return `${amount} ${amount === 1 ? unitName.replace(/s$/, '') : unitName}`;
}

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Monday first, as a week reads on a calendar in most of the world. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0];

/** Weekdays (0 = Sunday … 6) → "on Mon, Wed", "on weekdays", "at weekends"; '' for none or all (any day). */
function weekdays(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const days = new Set(value.filter((day): day is number => Number.isInteger(day) && day >= 0 && day <= 6));
  if (days.size === 0 || days.size === 7) return '';
  const key = [...days].sort().join('');
  if (key === '12345') return 'on weekdays';
  if (key === '06') return 'at weekends';
  return `on ${weekOrder.filter((day) => days.has(day)).map((day) => dayNames[day]).join(', ')}`;
}

/** "plan, vip"; a long list is cut after a few names, with how many more. */
function list(value: unknown, max: unknown = 3): string {
  const names = strings(value);
  const limit = typeof max === 'number' ? max : 3;
  if (names.length <= limit) return names.join(', ');
  return `${names.slice(0, limit).join(', ')} +${names.length - limit} more`;
}

export const summaryFilters = { text, number, count, keys, strings, plural, oneline, duration, weekdays, list } as const;
