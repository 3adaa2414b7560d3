import { describe, expect, test } from 'vitest';
import { actorKind, describeAuditEntry, nextAuditCursor, targetLabel } from './audit-entry';

describe('nextAuditCursor', () => {
  test('pages on from the oldest id of a full page', () => {
    expect(nextAuditCursor([{ id: 9 }, { id: 7 }, { id: 4 }], 3)).toBe(4);
  });

  test('stops after a short page', () => {
    expect(nextAuditCursor([{ id: 9 }, { id: 7 }], 3)).toBeUndefined();
    expect(nextAuditCursor([], 3)).toBeUndefined();
  });
});

describe('describeAuditEntry', () => {
  test('puts what the server recorded into words', () => {
    expect(describeAuditEntry({ action: 'member.role', detail: { from: 'marketer', to: 'admin' } })).toBe('Changed a role from marketer to admin');
    expect(describeAuditEntry({ action: 'member.invite', detail: { role: 'analyst' } })).toBe('Invited someone as analyst');
    expect(describeAuditEntry({ action: 'journey.publish', detail: { version: 3, unchanged: false, moved: 0 } })).toBe('Published version 3');
    expect(describeAuditEntry({ action: 'journey.publish', detail: { version: 3, unchanged: true } })).toBe('Published again, unchanged (v3)');
    expect(describeAuditEntry({ action: 'write-key.rotate', detail: { graceHours: 24 } })).toBe('Rotated the write key (old one kept 24 h)');
  });

  test('shows an action it does not know as recorded, and copes with missing detail', () => {
    expect(describeAuditEntry({ action: 'segment.create', detail: {} })).toBe('segment.create');
    expect(describeAuditEntry({ action: 'member.role', detail: {} })).toBe('Changed a role');
  });
});

describe('actors and targets', () => {
  test('tells people, tokens and the system apart', () => {
    expect(actorKind('user:usr_1')).toBe('user');
    expect(actorKind('token:tok_1')).toBe('token');
    expect(actorKind('system')).toBe('system');
  });

  test("names a member by email when the target is their id", () => {
    const emails = new Map([['usr_1', 'ada@shop.example']]);
    expect(targetLabel('usr_1', emails)).toBe('ada@shop.example');
    expect(targetLabel('welcome', emails)).toBe('welcome');
  });
});
