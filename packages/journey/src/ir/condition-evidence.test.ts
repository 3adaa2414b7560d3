import { describe, expect, it } from 'vitest';
import { conditionEvidence } from './condition-evidence.js';
import { eventCountKey, type Condition, type ConditionFacts, type EventCountCondition } from './conditions.js';

const ordered: EventCountCondition = { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, withinDays: 30 };
const facts: ConditionFacts = {
  profile: { plan: 'pro', address: { city: 'Lyon' } },
  eventCounts: { [eventCountKey(ordered)]: 3 },
  segments: ['vip'],
  engagement: { welcome: { opened: false, clicked: true } },
  lists: ['newsletter'],
  rfmGroup: 'Champions',
  predicted: { probabilityAlive: 0.9, expectedPurchases: 2.5, expectedSpend: 310 },
};

describe('conditionEvidence', () => {
  it('names the trait and the value it compared', () => {
    expect(conditionEvidence({ kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' }, facts)).toEqual({ trait: 'plan', value: 'pro' });
    expect(conditionEvidence({ kind: 'attribute', attribute: 'address.city', op: 'exists' }, facts)).toEqual({ trait: 'address.city', value: 'Lyon' });
  });

  it('says null for a trait the contact lacks, so the JSON keeps the key', () => {
    expect(conditionEvidence({ kind: 'attribute', attribute: 'company', op: 'exists' }, facts)).toEqual({ trait: 'company', value: null });
  });

  it('gives the event count, zero when none came', () => {
    expect(conditionEvidence(ordered, facts)).toEqual({ event: 'Order Completed', withinDays: 30, eventCount: 3 });
    expect(conditionEvidence({ ...ordered, event: 'Refunded' }, facts)).toMatchObject({ eventCount: 0 });
  });

  it('gives the bound a count started from', () => {
    expect(conditionEvidence({ ...ordered, withinDays: undefined, since: '2026-01-01' }, facts)).toEqual({ event: 'Order Completed', since: '2026-01-01', eventCount: 0 });
  });

  it('explains lists, the RFM group and predictions, null when there is none', () => {
    expect(conditionEvidence({ kind: 'list', list: 'newsletter', member: false }, facts)).toEqual({ list: 'newsletter', member: true });
    expect(conditionEvidence({ kind: 'rfm', groups: ['At risk'] }, facts)).toEqual({ rfmGroup: 'Champions' });
    expect(conditionEvidence({ kind: 'rfm', groups: ['At risk'] }, { ...facts, rfmGroup: null })).toEqual({ rfmGroup: null });
    const spend: Condition = { kind: 'predicted', measure: 'expectedSpend', op: 'gt', value: 100 };
    expect(conditionEvidence(spend, facts)).toEqual({ measure: 'expectedSpend', predicted: 310 });
    expect(conditionEvidence(spend, { ...facts, predicted: null })).toEqual({ measure: 'expectedSpend', predicted: null });
  });

  it('explains segments, engagement and combinations', () => {
    const condition: Condition = {
      kind: 'all',
      conditions: [
        { kind: 'segment', segment: 'vip', member: true },
        { kind: 'not', condition: { kind: 'engagement', nodeId: 'welcome', action: 'opened' } },
      ],
    };
    expect(conditionEvidence(condition, facts)).toEqual({
      all: [{ segment: 'vip', member: true }, { not: { nodeId: 'welcome', opened: true, clicked: true } }],
    });
  });
});
