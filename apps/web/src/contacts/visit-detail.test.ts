import { describe, expect, it } from 'vitest';
import { evidenceText, visitDetailText } from './visit-detail';

describe('visitDetailText', () => {
  it('is empty for visits that recorded no detail', () => {
    expect(visitDetailText(null)).toBeNull();
    expect(visitDetailText(undefined)).toBeNull();
    expect(visitDetailText({})).toBeNull();
  });

  it('says which branch case matched and on what value', () => {
    expect(visitDetailText({ caseId: 'pro', caseLabel: 'Pro plan', evidence: { trait: 'plan', value: 'pro' } })).toBe('Matched "Pro plan"; plan was "pro"');
    expect(visitDetailText({ case: 'else', evidence: { event: 'Order Completed', withinDays: 2, eventCount: 0 } })).toBe(
      'Matched "else"; Order Completed 0 times in 2 days',
    );
  });

  it('names the split path', () => {
    expect(visitDetailText({ path: 'b', pathLabel: 'Variant B' })).toBe('Path "Variant B"');
  });

  it('gives a skipped send its reason', () => {
    expect(visitDetailText({ reason: 'no email address' })).toBe('No email address');
  });

  it('says who moved or removed the contact, where to, and why', () => {
    expect(visitDetailText({ reason: 'asked by support', by: 'ada@shop.example' })).toBe('By ada@shop.example; reason: "asked by support"');
    expect(visitDetailText({ reason: 'stuck', by: 'ada@shop.example', to: 'two-days' })).toBe('To two-days; by ada@shop.example; reason: "stuck"');
  });

  it('says which version a contact moved to when a new version was published', () => {
    expect(visitDetailText({ toVersion: 3, to: 'two-days', reason: 'a new version was published' })).toBe('To two-days of version 3; reason: "a new version was published"');
  });

  it('shows keys it does not know rather than hiding them', () => {
    expect(visitDetailText({ attempts: 3, note: 'late' })).toBe('Attempts: 3, note: late');
  });
});

describe('evidenceText', () => {
  it('reads nested all / any / not conditions', () => {
    expect(
      evidenceText({
        all: [
          { segment: 'vip', member: true },
          { not: { nodeId: 'welcome-email', opened: false, clicked: false } },
          { any: [{ trait: 'country', value: null }, { event: 'Signed Up', eventCount: 1 }] },
        ],
      }),
    ).toBe('(in segment vip and not (welcome-email not opened) and (country not set or Signed Up once))');
  });

  it('reads the audience conditions: lists, RFM group, predicted value, and counts since a date', () => {
    expect(evidenceText({ list: 'newsletter', member: false })).toBe('not on list newsletter');
    expect(evidenceText({ rfmGroup: 'At risk' })).toBe('RFM group "At risk"');
    expect(evidenceText({ rfmGroup: null })).toBe('no RFM group yet');
    expect(evidenceText({ measure: 'probabilityAlive', predicted: 0.234 })).toBe('probability still a customer 23.4%');
    expect(evidenceText({ measure: 'expectedSpend', predicted: 1234.5 })).toBe('expected spend (next 90 days) 1,234.50');
    expect(evidenceText({ measure: 'expectedPurchases', predicted: null })).toBe('no expected purchases (next 90 days) predicted yet');
    expect(evidenceText({ event: 'Order Completed', since: '2026-01-01', eventCount: 0 })).toBe('Order Completed 0 times since 2026-01-01');
    expect(evidenceText({ event: 'Order Completed', withinDays: 30, since: '2026-01-01', eventCount: 2 })).toBe('Order Completed 2 times in 30 days since 2026-01-01');
  });
});
