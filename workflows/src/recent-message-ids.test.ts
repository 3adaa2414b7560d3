import { describe, expect, it } from 'vitest';
import { RecentMessageIds } from './recent-message-ids.js';

describe('RecentMessageIds', () => {
  it('knows an event handed to the run a second time', () => {
    const seen = new RecentMessageIds();
    expect(seen.repeated('m-1')).toBe(false);
    expect(seen.repeated('m-2')).toBe(false);
    expect(seen.repeated('m-1')).toBe(true);
  });

  it('forgets the oldest ids past its capacity, so a long run keeps a small state', () => {
    const seen = new RecentMessageIds(2);
    for (const id of ['a', 'b', 'c']) seen.repeated(id);
    expect(seen.repeated('c')).toBe(true);
    expect(seen.repeated('a')).toBe(false);
  });
});
