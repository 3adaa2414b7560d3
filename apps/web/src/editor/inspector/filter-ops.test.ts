import { describe, expect, it } from 'vitest';
import { formatValue, parseValue, valueForOp } from './filter-ops';

describe('parseValue', () => {
  it('reads booleans and plainly written numbers, and keeps the rest as text', () => {
    expect(parseValue('true', 'eq')).toBe(true);
    expect(parseValue('42', 'gt')).toBe(42);
    expect(parseValue('1.5', 'lt')).toBe(1.5);
    expect(parseValue('042', 'eq')).toBe('042');
    expect(parseValue(' pro ', 'eq')).toBe('pro');
    expect(parseValue('2026-01-01', 'gte')).toBe('2026-01-01');
  });

  it('leaves an empty box unset, so the validator asks for a value', () => {
    expect(parseValue('  ', 'eq')).toBeUndefined();
    expect(parseValue('', 'in')).toBeUndefined();
  });

  it('reads a list for in and not_in, and nothing for exists', () => {
    expect(parseValue('pro, team,, 3', 'in')).toEqual(['pro', 'team', 3]);
    expect(parseValue('anything', 'exists')).toBeUndefined();
  });
});

describe('formatValue and valueForOp', () => {
  it('round-trips what parseValue reads', () => {
    for (const [text, op] of [['pro, team', 'in'], ['42', 'eq'], ['true', 'neq']] as const) {
      expect(formatValue(parseValue(text, op))).toBe(text);
    }
    expect(formatValue(undefined)).toBe('');
  });

  it('keeps the value when the operator changes between one value and a list', () => {
    expect(valueForOp('pro', 'in')).toEqual(['pro']);
    expect(valueForOp(['pro', 'team'], 'eq')).toBe('pro');
    expect(valueForOp('pro', 'exists')).toBeUndefined();
  });
});
