import { describe, expect, it } from 'vitest';
import { highlightsOf } from './compare-highlight';

describe('highlightsOf', () => {
  it('marks the nodes a comparison names, not edges or settings', () => {
    const marks = highlightsOf([
      { kind: 'added', nodeId: 'a', text: 'Added a' },
      { kind: 'changed', nodeId: 'b', text: 'Changed b' },
      { kind: 'removed', nodeId: 'c', text: 'Removed c' },
      { kind: 'connected', text: 'Connected a → b' },
      { kind: 'settings', text: 'Journey settings: name' },
    ]);
    expect([...marks]).toEqual([
      ['a', 'added'],
      ['b', 'changed'],
      ['c', 'removed'],
    ]);
  });
});
