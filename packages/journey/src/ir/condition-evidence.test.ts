import { describe, expect, it } from 'vitest';
import { conditionEvidence } from './condition-evidence.js';
import { eventCountKey, type Condition, type ConditionFacts, type EventCountCondition } from './conditions.js';

const ordered: EventCountCondition = { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 1, withinDays: 30 };
const facts: ConditionFacts = {
  profile: { plan: 'pro', address: { city: 'Lyon' } },
  eventCounts: { [eventCountKey(ordered)]: 3 },
  segments: ['vip'],
  engagement: { welcome: { opened: false, clicked: true } },
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
