import { describe, expect, it } from 'vitest';
import {
  asIsoDate,
  asNumber,
  conditionKindsUsed,
  evaluateCondition,
  eventCountFrom,
  eventCountKey,
  eventCountQueries,
  getPath,
  matchesFilter,
  matchesFilters,
  type Condition,
  type ConditionFacts,
  type EventCountCondition,
  type PropertyFilter,
} from './conditions.js';

const properties = {
  total: 72.5,
  totalText: '50',
  quantity: '9',
  currency: 'EUR',
  title: 'Summer Sale Receipt',
  zip: '01234',
  coupon: null,
  paid: true,
  paidText: 'true',
  renewalDate: '2026-06-30',
  placedAt: '2026-03-01T10:00:00Z',
  tags: ['vip', 'Gift', 3],
  items: [
    { sku: 'A1', price: 20 },
    { sku: 'B2', price: 52.5 },
  ],
  customer: { address: { city: 'Paris' } },
};

function check(property: string, op: PropertyFilter['op'], value?: PropertyFilter['value']): boolean {
  return matchesFilter(properties, { property, op, value });
}

describe('getPath', () => {
  it('follows dotted paths and array indexes', () => {
    expect(getPath(properties, 'customer.address.city')).toBe('Paris');
    expect(getPath(properties, 'items.1.sku')).toBe('B2');
    expect(getPath(properties, 'items')).toBe(properties.items);
    expect(getPath({ '0': 'zero' }, '0')).toBe('zero');
  });

  it('is undefined when any step is missing', () => {
    expect(getPath(properties, 'customer.phone')).toBeUndefined();
    expect(getPath(properties, 'items.5.sku')).toBeUndefined();
    expect(getPath(properties, 'items.sku')).toBeUndefined();
    expect(getPath(properties, 'coupon.code')).toBeUndefined();
    expect(getPath(properties, 'title.length')).toBeUndefined();
    expect(getPath(properties, '')).toBeUndefined();
  });

  it('never follows inherited properties', () => {
    expect(getPath(properties, 'constructor')).toBeUndefined();
    expect(getPath(properties, '__proto__')).toBeUndefined();
    expect(getPath(properties, 'items.length')).toBeUndefined();
  });
});

describe('matchesFilter', () => {
  it.each([
    // eq: numbers numerically, also against numeric strings; strings exactly; booleans strictly.
    ['total', 'eq', 72.5, true],
    ['total', 'eq', '72.50', true],
    ['totalText', 'eq', 50, true],
    ['totalText', 'eq', '50', true],
    ['zip', 'eq', '1234', false],
    ['zip', 'eq', 1234, true],
    ['currency', 'eq', 'EUR', true],
    ['currency', 'eq', 'eur', false],
    ['paid', 'eq', true, true],
    ['paid', 'eq', 'true', false],
    ['paidText', 'eq', true, false],
    ['paid', 'eq', 1, false],
    ['items.0.sku', 'eq', 'A1', true],
    ['customer.address.city', 'eq', 'Paris', true],
    ['tags', 'eq', 'vip', false],
    ['total', 'eq', [72.5], false],
    // neq is exactly not eq.
    ['currency', 'neq', 'USD', true],
    ['currency', 'neq', 'EUR', false],
    ['totalText', 'neq', 50, false],
    ['paid', 'neq', 'true', true],
  ] as const)('%s %s %j → %s', (property, op, value, expected) => {
    expect(check(property, op, value as PropertyFilter['value'])).toBe(expected);
  });

  it.each([
    // Numbers and numeric strings order numerically: "50" > 9, not "50" < "9".
    ['total', 'gt', 50, true],
    ['total', 'gt', 72.5, false],
    ['total', 'gte', 72.5, true],
    ['total', 'lt', 100, true],
    ['total', 'lte', 72.5, true],
    ['totalText', 'gt', 9, true],
    ['totalText', 'gt', '9', true],
    ['quantity', 'lt', '50', true],
    ['total', 'gt', '1e1', true],
    ['items.1.price', 'gt', 50, true],
    // ISO dates and date-times order in time.
    ['renewalDate', 'gt', '2026-01-01', true],
    ['renewalDate', 'lt', '2026-01-01', false],
    ['renewalDate', 'lte', '2026-06-30T00:00:00Z', true],
    ['renewalDate', 'gte', '2026-06-30T00:00:00Z', true],
    ['placedAt', 'gt', '2026-03-01', true],
    ['placedAt', 'lt', '2026-03-01T11:00:00+02:00', false],
    ['placedAt', 'gt', '2026-03-01T11:00:00+02:00', true],
    // Anything else is not comparable, so every ordering is false rather than a guess.
    ['currency', 'gt', 'ABC', false],
    ['currency', 'lt', 'ZZZ', false],
    ['currency', 'gt', 5, false],
    ['total', 'gt', 'abc', false],
    ['paid', 'gt', false, false],
    ['renewalDate', 'gt', 5, false],
    ['renewalDate', 'gt', '2026-02-30', false],
    ['tags', 'gt', 1, false],
  ] as const)('%s %s %j → %s', (property, op, value, expected) => {
    expect(check(property, op, value)).toBe(expected);
  });

  it.each([
    // contains: a case-insensitive substring of text, or an element (by eq) of an array.
    ['title', 'contains', 'sale', true],
    ['title', 'contains', 'SUMMER sale', true],
    ['title', 'contains', 'winter', false],
    ['zip', 'contains', 123, true],
    ['total', 'contains', '72', true],
    ['tags', 'contains', 'vip', true],
    ['tags', 'contains', 'gift', false],
    ['tags', 'contains', '3', true],
    ['tags', 'contains', 3, true],
    ['paid', 'contains', 'tr', false],
    ['title', 'contains', ['sale'], false],
    ['title', 'not_contains', 'winter', true],
    ['title', 'not_contains', 'SALE', false],
    ['tags', 'not_contains', 'gift', true],
    // starts_with: case-insensitive, on text.
    ['title', 'starts_with', 'summer', true],
    ['title', 'starts_with', 'Sale', false],
    ['zip', 'starts_with', '01', true],
    ['tags', 'starts_with', 'v', false],
    // in / not_in: against a list; an array property matches if any element is listed.
    ['currency', 'in', ['USD', 'EUR'], true],
    ['currency', 'in', ['USD', 'GBP'], false],
    ['totalText', 'in', [10, 50], true],
    ['tags', 'in', ['gold', 'vip'], true],
    ['tags', 'in', ['gold'], false],
    ['currency', 'in', [], false],
    ['currency', 'in', 'EUR', true],
    ['currency', 'not_in', ['USD', 'GBP'], true],
    ['currency', 'not_in', ['EUR'], false],
    // exists: not undefined and not null.
    ['currency', 'exists', undefined, true],
    ['items.0', 'exists', undefined, true],
    ['coupon', 'exists', undefined, false],
    ['coupon', 'not_exists', undefined, true],
    ['currency', 'not_exists', undefined, false],
  ] as const)('%s %s %j → %s', (property, op, value, expected) => {
    expect(check(property, op, value as PropertyFilter['value'])).toBe(expected);
  });

  describe('on a missing or null property', () => {
    it.each(['missing', 'coupon', 'customer.phone', 'items.9.sku'])('%s fails every test except the negative ones', (property) => {
      expect(check(property, 'eq', 'x')).toBe(false);
      expect(check(property, 'eq', null)).toBe(false);
      expect(check(property, 'gt', 0)).toBe(false);
      expect(check(property, 'gte', 0)).toBe(false);
      expect(check(property, 'lt', 0)).toBe(false);
      expect(check(property, 'lte', 0)).toBe(false);
      expect(check(property, 'contains', 'x')).toBe(false);
      expect(check(property, 'starts_with', 'x')).toBe(false);
      expect(check(property, 'in', ['x'])).toBe(false);
      expect(check(property, 'exists')).toBe(false);

      expect(check(property, 'neq', 'x')).toBe(true);
      expect(check(property, 'not_contains', 'x')).toBe(true);
      expect(check(property, 'not_in', ['x'])).toBe(true);
      expect(check(property, 'not_exists')).toBe(true);
    });
  });

  it('reads a date-time without an offset as UTC, whatever the worker’s zone', () => {
    const at = { at: '2026-01-01T10:00' };
    expect(matchesFilter(at, { property: 'at', op: 'gte', value: '2026-01-01T10:00:00Z' })).toBe(true);
    expect(matchesFilter(at, { property: 'at', op: 'lte', value: '2026-01-01T10:00:00Z' })).toBe(true);
  });
});

describe('matchesFilters', () => {
  const orderCompleted = { event: 'Order Completed', properties: { orderId: 'o-1', total: 72.5, currency: 'EUR' } };
  const bigOrders: PropertyFilter[] = [{ property: 'total', op: 'gt', value: 50 }];

  it('matches Order Completed where total > 50', () => {
    expect(matchesFilters(orderCompleted.properties, bigOrders)).toBe(true);
    expect(matchesFilters({ total: '49.99' }, bigOrders)).toBe(false);
    expect(matchesFilters({ total: '120' }, bigOrders)).toBe(true);
    expect(matchesFilters({ orderId: 'o-2' }, bigOrders)).toBe(false);
  });

  it('needs every filter to match', () => {
    const euroBigOrders: PropertyFilter[] = [...bigOrders, { property: 'currency', op: 'eq', value: 'EUR' }];
    expect(matchesFilters(orderCompleted.properties, euroBigOrders)).toBe(true);
    expect(matchesFilters({ ...orderCompleted.properties, currency: 'USD' }, euroBigOrders)).toBe(false);
  });

  it('matches anything with no filters', () => {
    expect(matchesFilters({}, [])).toBe(true);
  });
});

function facts(overrides: Partial<ConditionFacts> = {}): ConditionFacts {
  return {
    profile: { id: 'c-1', userId: 'u-1', email: 'ada@example.com', plan: 'pro', seats: '12', renewalDate: '2026-09-01' },
    eventCounts: {},
    segments: ['vip'],
    engagement: {},
    lists: ['newsletter'],
    rfmGroup: 'At risk',
    predicted: { probabilityAlive: 0.8, expectedPurchases: 1.5, expectedSpend: 120 },
    ...overrides,
  };
}

const bigOrdersLastMonth: EventCountCondition = {
  kind: 'event-count',
  event: 'Order Completed',
  filters: [{ property: 'total', op: 'gt', value: 50 }],
  atLeast: 2,
  withinDays: 30,
};

describe('evaluateCondition', () => {
  it('tests attributes of the profile, including email and userId', () => {
    expect(evaluateCondition({ kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'attribute', attribute: 'seats', op: 'gte', value: 10 }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'attribute', attribute: 'renewalDate', op: 'gt', value: '2026-01-01' }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'attribute', attribute: 'email', op: 'contains', value: '@EXAMPLE.com' }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'attribute', attribute: 'userId', op: 'exists' }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'attribute', attribute: 'company', op: 'exists' }, facts())).toBe(false);
  });

  it('counts events by the key of the condition', () => {
    const key = eventCountKey(bigOrdersLastMonth);
    expect(evaluateCondition(bigOrdersLastMonth, facts({ eventCounts: { [key]: 2 } }))).toBe(true);
    expect(evaluateCondition(bigOrdersLastMonth, facts({ eventCounts: { [key]: 5 } }))).toBe(true);
    expect(evaluateCondition(bigOrdersLastMonth, facts({ eventCounts: { [key]: 1 } }))).toBe(false);
  });

  it('counts an event that was never fetched as zero', () => {
    expect(evaluateCondition({ ...bigOrdersLastMonth, atLeast: 1 }, facts())).toBe(false);
  });

  it('tests segment membership both ways', () => {
    expect(evaluateCondition({ kind: 'segment', segment: 'vip', member: true }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'segment', segment: 'vip', member: false }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'segment', segment: 'churn-risk', member: true }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'segment', segment: 'churn-risk', member: false }, facts())).toBe(true);
  });

  it('tests engagement with the email a node sent', () => {
    const engagement = { welcome: { opened: true, clicked: false }, offer: { opened: false, clicked: true } };
    const opened = (nodeId: string): Condition => ({ kind: 'engagement', nodeId, action: 'opened' });
    const clicked = (nodeId: string): Condition => ({ kind: 'engagement', nodeId, action: 'clicked' });
    expect(evaluateCondition(opened('welcome'), facts({ engagement }))).toBe(true);
    expect(evaluateCondition(clicked('welcome'), facts({ engagement }))).toBe(false);
    expect(evaluateCondition(clicked('offer'), facts({ engagement }))).toBe(true);
    // A click proves an open even when the tracking pixel was blocked.
    expect(evaluateCondition(opened('offer'), facts({ engagement }))).toBe(true);
  });

  it('is false for engagement with a node that never sent', () => {
    expect(evaluateCondition({ kind: 'engagement', nodeId: 'never-sent', action: 'opened' }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'engagement', nodeId: 'never-sent', action: 'clicked' }, facts())).toBe(false);
  });

  it('tests list membership both ways', () => {
    expect(evaluateCondition({ kind: 'list', list: 'newsletter', member: true }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'list', list: 'newsletter', member: false }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'list', list: 'vip-customers', member: true }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'list', list: 'vip-customers', member: false }, facts())).toBe(true);
  });

  it('tests the RFM group, and puts a contact with no RFM score in no group', () => {
    expect(evaluateCondition({ kind: 'rfm', groups: ['Champions', 'At risk'] }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'rfm', groups: ['Champions'] }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'rfm', groups: ['At risk'] }, facts({ rfmGroup: null }))).toBe(false);
  });

  it('compares predicted values, and is false without a prediction', () => {
    const spend = (op: 'gt' | 'gte' | 'lt' | 'lte', value: number): Condition => ({ kind: 'predicted', measure: 'expectedSpend', op, value });
    expect([spend('gt', 100), spend('gt', 120), spend('gte', 120), spend('lt', 120), spend('lte', 120), spend('lt', 500)].map((c) => evaluateCondition(c, facts()))).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
    expect(evaluateCondition({ kind: 'predicted', measure: 'probabilityAlive', op: 'lt', value: 0.5 }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'predicted', measure: 'expectedPurchases', op: 'gte', value: 1 }, facts())).toBe(true);
    expect(evaluateCondition(spend('lt', 1_000), facts({ predicted: null }))).toBe(false);
    expect(evaluateCondition({ kind: 'not', condition: spend('lt', 1_000) }, facts({ predicted: null }))).toBe(true);
  });

  it('combines conditions with all, any and not', () => {
    const yes: Condition = { kind: 'segment', segment: 'vip', member: true };
    const no: Condition = { kind: 'segment', segment: 'vip', member: false };
    expect(evaluateCondition({ kind: 'all', conditions: [yes, yes] }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'all', conditions: [yes, no] }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'any', conditions: [no, yes] }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'any', conditions: [no, no] }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'not', condition: yes }, facts())).toBe(false);
    expect(evaluateCondition({ kind: 'not', condition: no }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'not', condition: { kind: 'any', conditions: [no, { kind: 'all', conditions: [yes] }] } }, facts())).toBe(false);
  });

  it('takes all of nothing as true and any of nothing as false', () => {
    expect(evaluateCondition({ kind: 'all', conditions: [] }, facts())).toBe(true);
    expect(evaluateCondition({ kind: 'any', conditions: [] }, facts())).toBe(false);
  });

  it('refuses a kind it does not know instead of guessing', () => {
    expect(() => evaluateCondition({ kind: 'future' } as unknown as Condition, facts())).toThrow('unknown condition kind "future"');
  });
});

describe('eventCountKey', () => {
  it('ignores the threshold and the order fields were written in', () => {
    const reordered = JSON.parse('{"withinDays":30,"atLeast":5,"filters":[{"value":50,"op":"gt","property":"total"}],"event":"Order Completed","kind":"event-count"}');
    expect(eventCountKey(reordered)).toBe(eventCountKey(bigOrdersLastMonth));
  });

  it('keeps the key of a condition without since as it was, and tells since apart', () => {
    expect(eventCountKey(bigOrdersLastMonth)).toBe('["Order Completed",[["total","gt",50]],30]');
    expect(eventCountKey({ ...bigOrdersLastMonth, since: '2026-01-01' })).toBe('["Order Completed",[["total","gt",50]],30,"2026-01-01"]');
    expect(eventCountKey({ ...bigOrdersLastMonth, withinDays: undefined, since: '2026-01-01' })).not.toBe(eventCountKey({ ...bigOrdersLastMonth, since: '2026-01-01' }));
  });

  it('differs when the event, filters or window differ', () => {
    const key = eventCountKey(bigOrdersLastMonth);
    expect(eventCountKey({ ...bigOrdersLastMonth, event: 'Order Refunded' })).not.toBe(key);
    expect(eventCountKey({ ...bigOrdersLastMonth, withinDays: 7 })).not.toBe(key);
    expect(eventCountKey({ ...bigOrdersLastMonth, filters: [] })).not.toBe(key);
    expect(eventCountKey({ ...bigOrdersLastMonth, filters: [{ property: 'total', op: 'gt', value: '50' }] })).not.toBe(key);
  });
});

describe('eventCountFrom', () => {
  const now = Date.UTC(2026, 5, 30, 12);
  const day = 86_400_000;
  const count = (bounds: { withinDays?: number; since?: string }): EventCountCondition => ({ kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, ...bounds });

  it('counts from withinDays before now, or from since', () => {
    expect(eventCountFrom(count({ withinDays: 30 }), now)).toBe(now - 30 * day);
    expect(eventCountFrom(count({ since: '2026-06-01' }), now)).toBe(Date.UTC(2026, 5, 1));
  });

  it('takes the later of the two bounds', () => {
    expect(eventCountFrom(count({ withinDays: 7, since: '2026-06-01' }), now)).toBe(now - 7 * day);
    expect(eventCountFrom(count({ withinDays: 90, since: '2026-06-01' }), now)).toBe(Date.UTC(2026, 5, 1));
  });

  it('counts all time without either, or from before year 1', () => {
    expect(eventCountFrom(count({}), now)).toBeUndefined();
    expect(eventCountFrom(count({ withinDays: 1e9 }), now)).toBeUndefined();
    expect(eventCountFrom(count({ since: '0000-06-01' }), now)).toBeUndefined();
  });
});

describe('conditionKindsUsed', () => {
  it('finds every kind, nested', () => {
    const condition: Condition = {
      kind: 'any',
      conditions: [{ kind: 'not', condition: { kind: 'rfm', groups: ['Lost'] } }, { kind: 'list', list: 'vip', member: true }],
    };
    expect([...conditionKindsUsed([condition, bigOrdersLastMonth])].sort()).toEqual(['any', 'event-count', 'list', 'not', 'rfm']);
  });
});

describe('eventCountQueries', () => {
  it('finds event counts nested in all, any and not, once per key', () => {
    const signups: EventCountCondition = { kind: 'event-count', event: 'Signed Up', filters: [], atLeast: 1, withinDays: 7 };
    const condition: Condition = {
      kind: 'all',
      conditions: [
        bigOrdersLastMonth,
        { kind: 'segment', segment: 'vip', member: true },
        { kind: 'any', conditions: [{ kind: 'not', condition: signups }, { ...bigOrdersLastMonth, atLeast: 10 }] },
      ],
    };
    expect(eventCountQueries(condition)).toEqual([bigOrdersLastMonth, signups]);
  });

  it('finds none where there are none', () => {
    expect(eventCountQueries({ kind: 'attribute', attribute: 'plan', op: 'exists' })).toEqual([]);
    expect(eventCountQueries(bigOrdersLastMonth)).toEqual([bigOrdersLastMonth]);
  });
});

describe('asNumber and asIsoDate', () => {
  it('read only plain numbers', () => {
    expect([72.5, '50', ' 9 ', '-1.5', '.5', '2e3'].map(asNumber)).toEqual([72.5, 50, 9, -1.5, 0.5, 2000]);
    expect(['', ' ', '0x10', 'Infinity', '1,000', '12abc', true, null, Number.NaN].map(asNumber)).toEqual(Array(9).fill(undefined));
  });

  it('read only real ISO 8601 dates', () => {
    expect(asIsoDate('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(asIsoDate('2026-01-01T09:30:00+02:00')).toBe(Date.UTC(2026, 0, 1, 7, 30));
    expect(asIsoDate('2026-01-01T09:30:00+0200')).toBe(Date.UTC(2026, 0, 1, 7, 30));
    expect(asIsoDate('2026-01-01 09:30')).toBe(Date.UTC(2026, 0, 1, 9, 30));
    expect(asIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    const notDates = ['2026-02-30', '2025-02-29', '2026-13-01', '2026-01-01T24:00:00Z', '01/02/2026', '2026', 'March 1, 2026', 20260101];
    expect(notDates.map(asIsoDate)).toEqual(Array(notDates.length).fill(undefined));
  });
});
