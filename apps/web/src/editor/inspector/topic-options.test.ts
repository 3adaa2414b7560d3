import { describe, expect, test } from 'vitest';
import { topicOptions, type TopicEntry } from './topic-options';

const topics: TopicEntry[] = [
  { id: 'news', name: 'Newsletter' },
  { id: 'offers', name: 'Offers' },
];

describe('the message step’s topic picker', () => {
  test('offers none first, then the workspace’s topics by name', () => {
    expect(topicOptions(topics, '')).toEqual([
      { value: '', label: 'None: all marketing on this channel', disabled: false },
      { value: 'news', label: 'Newsletter (news)', disabled: false },
      { value: 'offers', label: 'Offers (offers)', disabled: false },
    ]);
    expect(topicOptions(topics, 'offers')).toHaveLength(3);
  });

  test('keeps a typo shown but not chosen, so the step’s problem reads against it', () => {
    expect(topicOptions(topics, 'offres').at(-1)).toEqual({ value: 'offres', label: 'offres (no such topic)', disabled: true });
    expect(topicOptions([], 'offres')).toEqual([
      { value: '', label: 'None: all marketing on this channel', disabled: false },
      { value: 'offres', label: 'offres (no such topic)', disabled: true },
    ]);
  });

  test('does not call a value wrong before the topics are read', () => {
    expect(topicOptions(undefined, 'offers')).toEqual([
      { value: '', label: 'None: all marketing on this channel', disabled: false },
      { value: 'offers', label: 'offers', disabled: false },
    ]);
  });
});
