/**
 * Small readers of saved node config for display. Config arrives as unknown JSON (a draft
 * may be incomplete), so each one checks the shape and returns undefined when it is not there.
 */

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** { amount: 4, unit: 'hours' } → "4 hours"; { amount: 1, unit: 'days' } → "1 day". */
export function durationText(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { amount, unit } = value as Record<string, unknown>;
  const unitName = nonEmptyString(unit);
  if (typeof amount !== 'number' || !unitName) return undefined;
  return `${amount} ${amount === 1 ? unitName.replace(/s$/, '') : unitName}`;
}

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Monday first, as a week reads on a calendar in most of the world. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0];

/**
 * Weekdays as saved by wait-until (0 = Sunday … 6 = Saturday) → "on Mon, Wed"; undefined
 * for none, which the config reads as any day.
 */
export function weekdaysText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const days = new Set(value.filter((day): day is number => Number.isInteger(day) && day >= 0 && day <= 6));
  if (days.size === 0 || days.size === 7) return undefined;
  const key = [...days].sort().join('');
  if (key === '12345') return 'on weekdays';
  if (key === '06') return 'at weekends';
  return `on ${weekOrder.filter((day) => days.has(day)).map((day) => dayNames[day]).join(', ')}`;
}

/** "plan, vip"; a long list is cut after a few names, with how many more. */
export function listText(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} +${names.length - max} more`;
}
