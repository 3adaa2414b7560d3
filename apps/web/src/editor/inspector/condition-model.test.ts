import { describe, expect, it } from 'vitest';
import { builtInNodes } from '@tend/journey';
import {
  blankCondition,
  conditionToGroup,
  groupToCondition,
  eventWindowOf,
  groupToNestedCondition,
  nestedGroup,
  predictedValueSaved,
  predictedValueShown,
  rowKinds,
  segmentRowKinds,
  withEventWindow,
  withKind,
  withRfmGroup,
  withNewRow,
  withoutRow,
  withRow,
} from './condition-model';

const plan = { kind: 'attribute', attribute: 'plan', op: 'eq', value: 'pro' };
const orders = { kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 2, withinDays: 30 };

describe('conditionToGroup', () => {
  it('reads nothing as no rows, one condition as one row and a group as its rows', () => {
    expect(conditionToGroup(undefined)).toEqual({ match: 'all', rows: [] });
    expect(conditionToGroup(plan)).toEqual({ match: 'all', rows: [{ kind: 'attribute', negated: false, condition: plan, path: [] }] });
    const group = conditionToGroup({ kind: 'any', conditions: [plan, { kind: 'not', condition: orders }] });
    expect(group.match).toBe('any');
    expect(group.rows.map((row) => [row.kind, row.negated, row.path])).toEqual([
      ['attribute', false, ['conditions', 0]],
      ['event-count', true, ['conditions', 1, 'condition']],
    ]);
  });

  it('reads a nested group as a row, with paths below it', () => {
    const group = conditionToGroup({ kind: 'all', conditions: [plan, { kind: 'any', conditions: [orders] }] });
    expect(group.rows[1]?.kind).toBe('group');
    expect(nestedGroup(group.rows[1]!).rows[0]?.path).toEqual(['conditions', 1, 'conditions', 0]);
  });

  it('reads something unknown as a blank trait row rather than failing', () => {
    expect(conditionToGroup({ kind: 'mystery' }).rows[0]?.condition).toEqual(blankCondition('attribute'));
  });
});

describe('groupToCondition', () => {
  it('round-trips single conditions, groups and negations', () => {
    for (const condition of [plan, { kind: 'not', condition: plan }, { kind: 'any', conditions: [plan, orders] }]) {
      expect(groupToCondition(conditionToGroup(condition))).toEqual(condition);
    }
  });

  it('saves no rows as no condition, never an empty "all" that matches everyone', () => {
    expect(groupToCondition(withoutRow(conditionToGroup(plan), 0))).toBeUndefined();
  });

  it('saves two rows as the chosen match', () => {
    const group = { ...withNewRow(conditionToGroup(plan), 'segment'), match: 'any' as const };
    expect(groupToCondition(group)).toEqual({ kind: 'any', conditions: [plan, blankCondition('segment')] });
  });

  it('keeps a nested group a group even with one row', () => {
    expect(groupToNestedCondition(conditionToGroup(plan))).toEqual({ kind: 'all', conditions: [plan] });
  });

  it('negates a row and changes its kind to a blank one', () => {
    const group = conditionToGroup(plan);
    const row = group.rows[0]!;
    expect(groupToCondition(withRow(group, 0, { ...row, negated: true }))).toEqual({ kind: 'not', condition: plan });
    expect(withKind(row, 'engagement').condition).toEqual(blankCondition('engagement'));
  });
});

describe('blank conditions', () => {
  const branch = builtInNodes.find((spec) => spec.type === 'branch')!;
  it('are the schema shape, so a filled-in blank validates', () => {
    const filled: Record<string, Record<string, unknown>> = {
      attribute: { attribute: 'plan', value: 'pro' },
      'event-count': { event: 'Order Completed' },
      segment: { segment: 'vip' },
      list: { list: 'newsletter' },
      rfm: { groups: ['Champions'] },
      predicted: { value: 100 },
      engagement: { nodeId: 'welcome-email' },
      group: {},
    };
    for (const kind of rowKinds) {
      const condition = { ...blankCondition(kind), ...filled[kind] };
      const result = branch.config.safeParse({ cases: [{ id: 'yes', label: 'Yes', condition }] });
      expect(result.success, kind).toBe(true);
    }
  });
});

describe('the audience kinds', () => {
  it('reads list, RFM and predicted conditions as their own rows, and round-trips them', () => {
    const condition = {
      kind: 'any',
      conditions: [
        { kind: 'list', list: 'newsletter', member: false },
        { kind: 'rfm', groups: ['At risk', "Can't lose them"] },
        { kind: 'not', condition: { kind: 'predicted', measure: 'probabilityAlive', op: 'lt', value: 0.2 } },
      ],
    };
    const group = conditionToGroup(condition);
    expect(group.rows.map((row) => [row.kind, row.negated])).toEqual([
      ['list', false],
      ['rfm', false],
      ['predicted', true],
    ]);
    expect(groupToCondition(group)).toEqual(condition);
  });

  it('offers segments every kind but email engagement, which only a journey has', () => {
    expect(segmentRowKinds).toEqual(rowKinds.filter((kind) => kind !== 'engagement'));
    expect(segmentRowKinds).toEqual(expect.arrayContaining(['list', 'rfm', 'predicted', 'event-count', 'segment', 'group']));
  });

  it('moves an event count between "in the last N days", "since a date" and both', () => {
    expect(eventWindowOf(orders)).toBe('days');
    const since = withEventWindow(orders, 'since');
    expect(since).toEqual({ kind: 'event-count', event: 'Order Completed', filters: [], atLeast: 2, since: '' });
    expect(eventWindowOf(since)).toBe('since');
    const both = withEventWindow({ ...since, since: '2026-01-01' }, 'both');
    expect(both).toMatchObject({ withinDays: 30, since: '2026-01-01' });
    expect(eventWindowOf(both)).toBe('both');
    expect(withEventWindow(both, 'days')).toEqual({ ...orders, withinDays: 30 });
  });

  it('a filled-in "since" count validates as a branch condition', () => {
    const branch = builtInNodes.find((spec) => spec.type === 'branch')!;
    const condition = { ...withEventWindow(orders, 'since'), since: '2026-01-01' };
    expect(branch.config.safeParse({ cases: [{ id: 'yes', label: 'Yes', condition }] }).success).toBe(true);
  });

  it('ticks and unticks RFM groups', () => {
    const rfm = blankCondition('rfm');
    const two = withRfmGroup(withRfmGroup(rfm, 'Champions', true), 'Loyal', true);
    expect(two.groups).toEqual(['Champions', 'Loyal']);
    expect(withRfmGroup(two, 'Champions', false).groups).toEqual(['Loyal']);
    expect(withRfmGroup(two, 'Loyal', true).groups).toEqual(['Champions', 'Loyal']);
  });

  it('shows a probability as a percentage and saves it as a fraction; other measures as typed', () => {
    expect(predictedValueShown('probabilityAlive', 0.07)).toBe(7);
    expect(predictedValueSaved('probabilityAlive', '7')).toBe(0.07);
    expect(predictedValueSaved('probabilityAlive', '33.3')).toBe(0.333);
    expect(predictedValueShown('expectedSpend', 120.5)).toBe(120.5);
    expect(predictedValueSaved('expectedSpend', '120.5')).toBe(120.5);
    expect(predictedValueSaved('expectedSpend', '')).toBeUndefined();
    expect(predictedValueShown('expectedSpend', undefined)).toBeUndefined();
  });
});
