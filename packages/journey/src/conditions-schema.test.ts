import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conditionSchema, parseCondition, propertyFilterSchema, type ConditionInput } from './conditions-schema.js';
import { evaluateCondition, type Condition } from './ir/conditions.js';

/** Each issue as "path: message", the way the inspector shows it. */
function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('propertyFilterSchema', () => {
  it.each([
    { property: 'total', op: 'gt', value: 50 },
    { property: 'total', op: 'lte', value: '99.5' },
    { property: 'renewalDate', op: 'gt', value: '2026-01-01' },
    { property: 'items.0.sku', op: 'eq', value: 'A1' },
    { property: 'paid', op: 'eq', value: true },
    { property: 'title', op: 'contains', value: 'sale' },
    { property: 'zip', op: 'starts_with', value: '75' },
    { property: 'currency', op: 'in', value: ['EUR', 'USD'] },
    { property: 'currency', op: 'not_in', value: ['GBP'] },
    { property: 'coupon', op: 'exists' },
    { property: 'coupon', op: 'not_exists' },
  ])('accepts $property $op $value', (filter) => {
    expect(propertyFilterSchema.parse(filter)).toEqual(filter);
  });

  it('asks for an operator', () => {
    expect(problems(propertyFilterSchema, { property: 'total', value: 50 })).toEqual(['op: choose an operator']);
    expect(problems(propertyFilterSchema, { property: 'total', op: 'greater', value: 50 })).toEqual(['op: choose an operator']);
  });

  it('asks for a property', () => {
    expect(problems(propertyFilterSchema, { property: '  ', op: 'exists' })).toEqual(['property: name the property, e.g. "total" or "items.0.sku"']);
  });

  it('needs a list for in and not_in', () => {
    expect(problems(propertyFilterSchema, { property: 'currency', op: 'in', value: 'EUR' })).toEqual(['value: in needs a list of values']);
    expect(problems(propertyFilterSchema, { property: 'currency', op: 'not_in', value: [] })).toEqual(['value: not_in needs a list of values']);
    expect(problems(propertyFilterSchema, { property: 'currency', op: 'in' })).toEqual(['value: in needs a list of values']);
  });

  it.each(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'not_contains', 'starts_with'])('needs a value for %s', (op) => {
    const needsValue = [`value: ${op} needs a value (to test for no value, use exists or not_exists)`];
    expect(problems(propertyFilterSchema, { property: 'total', op })).toEqual(needsValue);
    expect(problems(propertyFilterSchema, { property: 'total', op, value: null })).toEqual(needsValue);
  });

  it('takes one value, not a list, for the other operators', () => {
    expect(problems(propertyFilterSchema, { property: 'plan', op: 'eq', value: ['pro'] })).toEqual(['value: eq takes one value, not a list: use in']);
    expect(problems(propertyFilterSchema, { property: 'plan', op: 'contains', value: ['pro'] })).toEqual(['value: contains takes one value, not a list']);
  });

  it('compares only numbers and dates', () => {
    const message = 'value: gt compares numbers or dates: use a number or a date like "2026-01-01"';
    expect(problems(propertyFilterSchema, { property: 'name', op: 'gt', value: 'M' })).toEqual([message]);
    expect(problems(propertyFilterSchema, { property: 'total', op: 'gt', value: true })).toEqual([message]);
    expect(problems(propertyFilterSchema, { property: 'renewalDate', op: 'gt', value: '2026-02-30' })).toEqual([message]);
  });

  it('needs text for starts_with', () => {
    expect(problems(propertyFilterSchema, { property: 'plan', op: 'starts_with', value: false })).toEqual(['value: starts_with needs text']);
  });

  it('rejects values that are not JSON scalars', () => {
    expect(problems(propertyFilterSchema, { property: 'plan', op: 'eq', value: { nested: true } })).toHaveLength(1);
  });
});

describe('conditionSchema', () => {
  const good: ConditionInput = {
    kind: 'all',
    conditions: [
      { kind: 'attribute', attribute: 'plan', op: 'in', value: ['pro', 'team'] },
      { kind: 'event-count', event: 'Order Completed', filters: [{ property: 'total', op: 'gt', value: 50 }], atLeast: 2, withinDays: 30 },
      { kind: 'any', conditions: [{ kind: 'segment', segment: 'vip', member: true }, { kind: 'engagement', nodeId: 'welcome-email', action: 'clicked' }] },
      { kind: 'not', condition: { kind: 'segment', segment: 'churned', member: true } },
      { kind: 'list', list: 'newsletter', member: false },
      { kind: 'rfm', groups: ['Champions', 'Loyal'] },
      { kind: 'predicted', measure: 'expectedSpend', op: 'gte', value: 100 },
      { kind: 'not', condition: { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, since: '2026-01-01' } },
    ],
  };

  it('accepts a condition of every kind, nested', () => {
    expect(conditionSchema.parse(good)).toEqual(good);
  });

  it('fills in empty filters and membership', () => {
    expect(conditionSchema.parse({ kind: 'event-count', event: 'Signed Up', atLeast: 1, withinDays: 7 })).toEqual({
      kind: 'event-count',
      event: 'Signed Up',
      filters: [],
      atLeast: 1,
      withinDays: 7,
    });
    expect(conditionSchema.parse({ kind: 'segment', segment: 'vip' })).toEqual({ kind: 'segment', segment: 'vip', member: true });
    expect(conditionSchema.parse({ kind: 'list', list: 'vip' })).toEqual({ kind: 'list', list: 'vip', member: true });
  });

  it('accepts empty groups (all of nothing holds, any of nothing does not)', () => {
    expect(conditionSchema.parse({ kind: 'all', conditions: [] })).toEqual({ kind: 'all', conditions: [] });
  });

  it('produces what the evaluator reads', () => {
    const condition: Condition = conditionSchema.parse({ kind: 'not', condition: { kind: 'segment', segment: 'vip' } });
    expect(evaluateCondition(condition, { profile: {}, eventCounts: {}, segments: ['vip'], engagement: {}, lists: [], rfmGroup: null, predicted: null })).toBe(false);
  });

  it('asks for a kind', () => {
    const message = 'kind: choose a condition kind: attribute, event-count, segment, list, rfm, predicted, engagement, all, any or not';
    expect(problems(conditionSchema, { kind: 'sometimes' })).toEqual([message]);
    expect(problems(conditionSchema, {})).toEqual([message]);
  });

  it('checks attribute conditions like property filters', () => {
    expect(problems(conditionSchema, { kind: 'attribute', attribute: '', op: 'in', value: 'pro' })).toEqual([
      'attribute: name the attribute, e.g. "plan" or "email"',
      'value: in needs a list of values',
    ]);
    expect(problems(conditionSchema, { kind: 'attribute', attribute: 'plan' })).toEqual(['op: choose an operator']);
  });

  it('rejects event counts that can never be met or have no window', () => {
    expect(problems(conditionSchema, { kind: 'event-count', event: '', atLeast: 0, withinDays: 0 })).toEqual([
      'event: name the event, e.g. "Order Completed"',
      'atLeast: atLeast must be at least 1',
      'withinDays: withinDays must be more than 0',
    ]);
    expect(problems(conditionSchema, { kind: 'event-count', event: 'Order Completed', atLeast: 1.5, withinDays: -3 })).toEqual([
      'atLeast: count whole times',
      'withinDays: withinDays must be more than 0',
    ]);
  });

  it('counts events since a date, with or without a window, but needs one of the two', () => {
    expect(conditionSchema.parse({ kind: 'event-count', event: 'Order Completed', atLeast: 1, since: '2026-01-01' })).toMatchObject({ since: '2026-01-01' });
    expect(conditionSchema.parse({ kind: 'event-count', event: 'Order Completed', atLeast: 1, withinDays: 90, since: '2026-01-01T09:00:00Z' })).toMatchObject({
      withinDays: 90,
      since: '2026-01-01T09:00:00Z',
    });
    expect(problems(conditionSchema, { kind: 'event-count', event: 'Order Completed', atLeast: 1 })).toEqual([
      'withinDays: set withinDays (the last N days), since (a date like "2026-01-01"), or both',
    ]);
    const notADate = 'since: since must be a date like "2026-01-01" or "2026-01-01T09:00:00Z"';
    expect(problems(conditionSchema, { kind: 'event-count', event: 'Order Completed', atLeast: 1, since: 'last spring' })).toEqual([notADate]);
    expect(problems(conditionSchema, { kind: 'event-count', event: 'Order Completed', atLeast: 1, since: '2026-02-30' })).toEqual([notADate]);
    expect(problems(conditionSchema, { kind: 'event-count', event: 'Order Completed', atLeast: 1, since: 20260101 })).toEqual([notADate]);
  });

  it('checks list, RFM and predicted conditions', () => {
    expect(problems(conditionSchema, { kind: 'list', list: ' ' })).toEqual(['list: name the list, e.g. "vip-customers"']);
    expect(problems(conditionSchema, { kind: 'rfm', groups: [] })).toEqual(['groups: choose at least one RFM group, e.g. "Champions"']);
    expect(problems(conditionSchema, { kind: 'rfm', groups: ['Champions', ''] })).toEqual(['groups.1: name the RFM group, e.g. "Champions"']);
    expect(problems(conditionSchema, { kind: 'predicted', measure: 'revenue', op: 'eq', value: '100' })).toEqual([
      'measure: choose probabilityAlive, expectedPurchases or expectedSpend',
      'op: choose gt, gte, lt or lte',
      'value: compare with a number, e.g. 0.5 or 100',
    ]);
  });

  it('reads a condition for callers outside the editor, with each problem’s path', () => {
    expect(parseCondition({ kind: 'rfm', groups: ['Lost'] })).toEqual({ ok: true, condition: { kind: 'rfm', groups: ['Lost'] } });
    expect(parseCondition({ kind: 'all', conditions: [{ kind: 'rfm', groups: ['Lost'] }, { kind: 'attribute', attribute: 'plan', op: 'gt', value: 'pro' }] })).toEqual({
      ok: false,
      problems: [{ path: 'conditions.1.value', message: 'gt compares numbers or dates: use a number or a date like "2026-01-01"' }],
    });
  });

  it('checks segment and engagement conditions', () => {
    expect(problems(conditionSchema, { kind: 'segment', segment: '' })).toEqual(['segment: name the segment']);
    expect(problems(conditionSchema, { kind: 'engagement', nodeId: '', action: 'replied' })).toEqual([
      'nodeId: choose the email step',
      'action: choose opened or clicked',
    ]);
  });

  it('reports problems deep inside groups with their full path', () => {
    const input = {
      kind: 'all',
      conditions: [
        { kind: 'segment', segment: 'vip' },
        {
          kind: 'any',
          conditions: [
            {
              kind: 'not',
              condition: { kind: 'event-count', event: 'Order Completed', filters: [{ property: 'total', op: 'gt' }], atLeast: 1, withinDays: 30 },
            },
          ],
        },
      ],
    };
    expect(problems(conditionSchema, input)).toEqual([
      'conditions.1.conditions.0.condition.filters.0.value: gt needs a value (to test for no value, use exists or not_exists)',
    ]);
  });

  it('converts to JSON Schema for the editor', () => {
    const schema = JSON.stringify(z.toJSONSchema(conditionSchema, { io: 'input' }));
    expect(schema).toContain('"event-count"');
    expect(schema).toContain('"not_exists"');
  });
});
