import { describe, expect, test } from 'vitest';
import { outcomeLabel } from './visit-outcome';

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
    expect(outcomeLabel('wait', 'moved')).toBe('moved');
  });
});
