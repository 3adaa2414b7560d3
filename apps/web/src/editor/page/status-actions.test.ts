import { describe, expect, test } from 'vitest';
import { statusActions, statusChangeMessage } from './status-actions';

describe('statusActions', () => {
  test('offers what each status allows', () => {
    expect(statusActions('active')).toEqual(['pause', 'archive']);
    expect(statusActions('paused')).toEqual(['resume', 'archive']);
    expect(statusActions('archived')).toEqual([]);
  });
});

describe('statusChangeMessage', () => {
  test('says what happened to the contacts in the journey', () => {
    expect(statusChangeMessage({ status: 'paused', contactsTold: 12 })).toBe(
      'Paused: 12 contacts in the journey told to hold where they are. No one new enters.',
    );
    expect(statusChangeMessage({ status: 'active', contactsTold: 1 })).toBe('Resumed: 1 contact told to carry on from where they were held.');
    expect(statusChangeMessage({ status: 'archived', contactsTold: 0 })).toBe('Archived: 0 contacts stopped. No one new enters.');
  });
});
