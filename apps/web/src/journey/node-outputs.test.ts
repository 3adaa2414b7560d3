import { describe, expect, test } from 'vitest';
import { countsByOutput, nodeOutputs, outcomeOutput } from './node-outputs';

const branch = {
  cases: [
    { id: 'ordered', label: 'Already ordered', condition: { kind: 'segment', segment: 'buyers' } },
    { id: 'vip', label: 'VIP', condition: { kind: 'segment', segment: 'vip' } },
  ],
};
const split = {
  paths: [
    { id: 'treatment', label: 'Treatment', percent: 90 },
    { id: 'holdout', label: 'Holdout', percent: 10, holdout: true },
  ],
};

describe('nodeOutputs', () => {
  test('gives a branch one output per case, then else', () => {
    expect(nodeOutputs('branch', branch, null)).toEqual([
      { id: 'ordered', label: 'Already ordered' },
      { id: 'vip', label: 'VIP' },
      { id: 'else', label: 'else' },
    ]);
  });

  test('gives a split one output per path', () => {
    expect(nodeOutputs('split', split, null)).toEqual([
      { id: 'treatment', label: 'Treatment' },
      { id: 'holdout', label: 'Holdout' },
    ]);
  });

  test("takes other nodes' outputs from the catalogue, in words", () => {
    expect(nodeOutputs('wait-for-event', {}, ['happened', 'timed-out'])).toEqual([
      { id: 'happened', label: 'happened' },
      { id: 'timed-out', label: 'timed out' },
    ]);
    expect(nodeOutputs('exit', {}, [])).toEqual([]);
  });

  test('assumes one "next" output while the catalogue is not there', () => {
    expect(nodeOutputs('send-email', {}, undefined)).toEqual([{ id: 'next', label: 'next' }]);
  });

  test('skips a case without an id, which no edge can name', () => {
    expect(nodeOutputs('branch', { cases: [{ label: 'Draft' }] }, null)).toEqual([{ id: 'else', label: 'else' }]);
  });
});

describe('outcomeOutput', () => {
  test('matches recorded branch and split labels back to output ids', () => {
    expect(outcomeOutput('branch', branch, 'branch:VIP')).toBe('vip');
    expect(outcomeOutput('branch', branch, 'branch:else')).toBe('else');
    expect(outcomeOutput('split', split, 'split:Holdout')).toBe('holdout');
    expect(outcomeOutput('wait-for-event', {}, 'timed-out')).toBe('timed-out');
  });

  test('is null for outcomes that chose no output', () => {
    expect(outcomeOutput('branch', branch, 'branch:Renamed case')).toBeNull();
    expect(outcomeOutput('branch', branch, 'exited')).toBeNull();
    expect(outcomeOutput('send-email', {}, 'next')).toBeNull();
  });
});

describe('countsByOutput', () => {
  test('adds up the visits that left by each output', () => {
    const counts = [
      { outcome: 'branch:Already ordered', label: 'Already ordered', count: 1200 },
      { outcome: 'branch:else', label: 'else', count: 30 },
      { outcome: 'exited', label: 'exited', count: 3 },
    ];
    expect(countsByOutput('branch', branch, counts)).toEqual(
      new Map([
        ['ordered', 1200],
        ['else', 30],
      ]),
    );
  });
});
