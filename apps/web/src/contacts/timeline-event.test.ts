import { describe, expect, it } from 'vitest';
import { arrivedLater, eventTitle, propertySummary } from './timeline-event';

describe('eventTitle', () => {
  it('names a track event by its name and other calls by their kind', () => {
    expect(eventTitle({ type: 'track', name: 'Order Completed' })).toBe('Order Completed');
    expect(eventTitle({ type: 'identify', name: null })).toBe('Identify');
    expect(eventTitle({ type: 'page', name: 'Pricing' })).toBe('Page: Pricing');
  });
});

describe('propertySummary', () => {
  it('counts products and puts the telling properties first', () => {
    const order = { country: 'United Kingdom', products: [{ sku: 'A' }, { sku: 'B' }], orderId: '536365', revenue: 45.5 };
    expect(propertySummary(order)).toBe('2 products, revenue 45.5, orderId "536365", country "United Kingdom"');
  });

  it('shows at most four and says how many more there are', () => {
    expect(propertySummary({ a: 1, b: 2, c: 3, d: 4, e: 5, f: true })).toBe('a 1, b 2, c 3, d 4 and 2 more');
  });

  it('shortens long text and stands in for nested values', () => {
    expect(propertySummary({ note: 'x'.repeat(50), tags: ['a', 'b'], address: { city: 'Leeds' } })).toBe(`note "${'x'.repeat(40)}…", tags [2], address {…}`);
  });

  it('is empty for no properties', () => {
    expect(propertySummary({})).toBe('');
    expect(propertySummary(null)).toBe('');
  });
});

describe('arrivedLater', () => {
  it('tells an imported event (happened years before it arrived) from a live one', () => {
    expect(arrivedLater({ occurredAt: '2011-12-09T12:50:00Z', receivedAt: '2026-03-01T10:00:00Z' })).toBe(true);
    expect(arrivedLater({ occurredAt: '2026-03-01T10:00:00Z', receivedAt: '2026-03-01T10:00:02Z' })).toBe(false);
  });
});
