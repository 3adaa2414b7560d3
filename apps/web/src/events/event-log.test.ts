import { describe, expect, test } from 'vitest';
import { callJson, callKey, callSender, callTitle, countsSummary, filterCalls, rejectionReason, timeAgo } from './event-log';

const accepted = { kind: 'accepted' as const, id: 'ev_1', type: 'track', name: 'Order Completed', userId: 'ada', anonymousId: null, contact: { email: 'ada@shop.example' } };
const identify = { kind: 'accepted' as const, id: 'ev_2', type: 'identify', name: null, userId: null, anonymousId: 'anon-7', contact: { email: null } };
const rejected = { kind: 'rejected' as const, id: '1', type: 'track', name: null, userId: 'grace', anonymousId: null };
const calls = [accepted, identify, rejected];

describe('filterCalls', () => {
  test('keeps one kind or both', () => {
    expect(filterCalls(calls, { kind: 'all', text: '' })).toEqual(calls);
    expect(filterCalls(calls, { kind: 'accepted', text: '' })).toEqual([accepted, identify]);
    expect(filterCalls(calls, { kind: 'rejected', text: '' })).toEqual([rejected]);
  });

  test('matches type, name and sender, ignoring case and surrounding spaces', () => {
    expect(filterCalls(calls, { kind: 'all', text: 'order' })).toEqual([accepted]);
    expect(filterCalls(calls, { kind: 'all', text: ' IDENTIFY ' })).toEqual([identify]);
    expect(filterCalls(calls, { kind: 'all', text: 'grace' })).toEqual([rejected]);
    expect(filterCalls(calls, { kind: 'all', text: 'anon-7' })).toEqual([identify]);
    expect(filterCalls(calls, { kind: 'all', text: 'shop.example' })).toEqual([accepted]);
    expect(filterCalls(calls, { kind: 'rejected', text: 'ada' })).toEqual([]);
  });
});

describe('a row in words', () => {
  test('titles a call by type and name', () => {
    expect(callTitle(accepted)).toBe('track · Order Completed');
    expect(callTitle(identify)).toBe('identify');
    expect(callTitle({ type: null, name: null })).toBe('unknown call');
  });

  test('names the sender by user id, else anonymous id, else email', () => {
    expect(callSender(accepted)).toBe('ada');
    expect(callSender(identify)).toBe('anon-7');
    expect(callSender({ ...identify, anonymousId: null, contact: { email: 'x@y.example' } })).toBe('x@y.example');
    expect(callSender({ ...rejected, userId: null })).toBeNull();
  });

  test('puts the refused field before the reason', () => {
    expect(rejectionReason({ field: 'batch.3.event', message: 'required' })).toBe('batch.3.event: required');
    expect(rejectionReason({ field: '', message: 'the body is not JSON' })).toBe('the body is not JSON');
  });

  test('keys accepted and rejected calls apart even when their ids match', () => {
    expect(callKey({ kind: 'accepted', id: '1' })).not.toBe(callKey({ kind: 'rejected', id: '1' }));
  });
});

describe('callJson', () => {
  test('indents whole values and marks cut ones', () => {
    expect(callJson({ total: 42 }, false)).toBe('{\n  "total": 42\n}');
    expect(callJson('{"big": "aaa', true)).toBe('{"big": "aaa…\n(cut: the whole value is larger than the debugger shows)');
    expect(callJson('a plain string', false)).toBe('"a plain string"');
    expect(callJson(null, false)).toBe('(nothing)');
  });
});

describe('timeAgo', () => {
  const now = Date.parse('2030-01-02T12:00:00Z');
  test('says how long ago, coarser as it gets older', () => {
    expect(timeAgo('2030-01-02T11:59:58Z', now)).toBe('just now');
    expect(timeAgo('2030-01-02T11:59:18Z', now)).toBe('42 s ago');
    expect(timeAgo('2030-01-02T11:55:00Z', now)).toBe('5 min ago');
    expect(timeAgo('2030-01-02T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2029-12-31T12:00:00Z', now)).toBe('2 d ago');
  });

  test('treats a clock slightly behind the server as now, and keeps what it cannot read', () => {
    expect(timeAgo('2030-01-02T12:00:03Z', now)).toBe('just now');
    expect(timeAgo('yesterday', now)).toBe('yesterday');
  });
});

test('countsSummary', () => {
  const counts = { accepted: { lastHour: 1204, lastDay: 9870 }, rejected: { lastHour: 3, lastDay: 41 } };
  expect(countsSummary(counts, 'en-US')).toBe('1,204 accepted · 3 rejected in the last hour; 9,870 · 41 in the last day');
});
