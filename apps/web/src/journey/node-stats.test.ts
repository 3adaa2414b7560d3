import { describe, expect, test } from 'vitest';
import { countsByNode, countsText, outcomeLabel } from './node-stats';

describe('outcomeLabel', () => {
  test('puts recorded outcomes in words', () => {
    expect(outcomeLabel('trigger.identify', 'entered')).toBe('entered');
    expect(outcomeLabel('send-email', 'next')).toBe('sent');
    expect(outcomeLabel('update-profile', 'next')).toBe('done');
    expect(outcomeLabel(undefined, 'next')).toBe('done');
    expect(outcomeLabel('branch', 'branch:Already ordered')).toBe('Already ordered');
    expect(outcomeLabel('split', 'split:holdout')).toBe('holdout');
    expect(outcomeLabel('wait-for-event', 'timed-out')).toBe('timed out');
    expect(outcomeLabel('send-sms', 'held-out')).toBe('held out');
  });
});

describe('countsByNode', () => {
  const types: Record<string, string> = { 'signed-up': 'trigger.identify', welcome: 'send-email' };
  const counts = countsByNode(
    [
      { nodeId: 'welcome', outcome: 'held-out', count: 30 },
      { nodeId: 'signed-up', outcome: 'entered', count: 1204 },
      { nodeId: 'welcome', outcome: 'next', count: 830 },
      { nodeId: 'welcome', outcome: 'exited', count: 2 },
    ],
    (nodeId) => types[nodeId],
  );

  test('groups visits by node, most frequent outcome first', () => {
    expect(counts.get('welcome')?.map((count) => count.label)).toEqual(['sent', 'held out', 'exited']);
    expect(counts.get('signed-up')).toEqual([{ outcome: 'entered', label: 'entered', count: 1204 }]);
    expect(counts.get('nowhere')).toBeUndefined();
  });

  test('shows the top outcomes on one line', () => {
    expect(countsText(counts.get('welcome') ?? [], 2, 'en')).toBe('830 sent · 30 held out');
    expect(countsText(counts.get('signed-up') ?? [], 2, 'en')).toBe('1,204 entered');
  });
});
