import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor, mergeNewestFirst, type CallPosition } from './events.js';

const at = (seconds: number) => `2030-01-02T03:04:${String(seconds).padStart(2, '0')}.000000Z`;
const call = (seconds: number, kind: CallPosition['kind'], id: string) => ({ at: at(seconds), kind, id });

describe('mergeNewestFirst', () => {
  test('interleaves accepted and rejected calls by time and keeps the newest `limit`', () => {
    const accepted = [call(9, 'accepted', 'ev_c'), call(5, 'accepted', 'ev_b'), call(1, 'accepted', 'ev_a')];
    const rejected = [call(7, 'rejected', '2'), call(3, 'rejected', '1')];
    expect(mergeNewestFirst(accepted, rejected, 4).map((item) => item.id)).toEqual(['ev_c', '2', 'ev_b', '1']);
    expect(mergeNewestFirst(accepted, [], 10).map((item) => item.id)).toEqual(['ev_c', 'ev_b', 'ev_a']);
    expect(mergeNewestFirst([], rejected, 10).map((item) => item.id)).toEqual(['2', '1']);
  });

  test("a batch's calls share one time: accepted first, each list keeping its own order", () => {
    const accepted = [call(5, 'accepted', 'ev_z'), call(5, 'accepted', 'ev_y')];
    const rejected = [call(5, 'rejected', '8'), call(5, 'rejected', '7')];
    expect(mergeNewestFirst(accepted, rejected, 10).map((item) => item.id)).toEqual(['ev_z', 'ev_y', '8', '7']);
  });

  test('compares microseconds, which a JavaScript Date would drop', () => {
    const accepted: CallPosition[] = [{ at: '2030-01-02T03:04:05.123001Z', kind: 'accepted', id: 'ev_a' }];
    const rejected: CallPosition[] = [{ at: '2030-01-02T03:04:05.123002Z', kind: 'rejected', id: '1' }];
    expect(mergeNewestFirst(accepted, rejected, 10).map((item) => item.id)).toEqual(['1', 'ev_a']);
  });
});

describe('cursors', () => {
  test('round-trip a position', () => {
    const position = call(5, 'accepted', 'ev_0123abcd');
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(encodeCursor(call(5, 'rejected', '42')))).toEqual(call(5, 'rejected', '42'));
  });

  test('refuse anything else', () => {
    expect(decodeCursor('2030-01-02T03:04:05Z|a|ev_1')).toBeNull();
    expect(decodeCursor(`${at(5)}|x|ev_1`)).toBeNull();
    expect(decodeCursor(`${at(5)}|a|`)).toBeNull();
  });
});
