import { describe, expect, test } from 'vitest';
import { changeDetail, consentHistoryLines, sourceLabel } from './consent-history';

const change = (id: number, channel: 'email' | 'sms' | 'push', topic: string, status: 'subscribed' | 'unsubscribed', source: string, detail: Record<string, unknown> | null = null) => ({
  id,
  workspaceId: 'acme',
  contactId: 'ada',
  channel,
  topic,
  status,
  source,
  detail,
  at: `2030-03-0${id}T10:00:00.000Z`,
});

describe('the consent history', () => {
  test('lists newest first, each change from the state before it on the same channel and topic', () => {
    const lines = consentHistoryLines([
      change(1, 'email', 'offers', 'unsubscribed', 'one-click', { message: 'wf-1/run/node/1' }),
      change(2, 'sms', '', 'unsubscribed', 'sms-keyword', { keyword: 'STOP' }),
      change(3, 'email', 'offers', 'subscribed', 'console', { actor: 'user:1', actorLabel: 'ines@shop.example' }),
    ]);
    expect(lines.map((line) => [line.id, line.channel, line.topic, line.from, line.to, line.source, line.detail])).toEqual([
      [3, 'email', 'offers', 'unsubscribed', 'subscribed', 'Console', 'by ines@shop.example'],
      [2, 'sms', '', 'default', 'unsubscribed', 'STOP reply', null],
      [1, 'email', 'offers', 'default', 'unsubscribed', 'One-click link', 'from message wf-1/run/node/1'],
    ]);
  });

  test('words every source, and keeps an unknown one as stored', () => {
    expect(['form', 'preference-page', 'import', 'api', 'bounce', 'complaint'].map((source) => sourceLabel(source, null))).toEqual([
      'Form',
      'Preference page',
      'Import',
      'API',
      'Bounce',
      'Complaint',
    ]);
    expect(sourceLabel('sms-keyword', { keyword: 'start' })).toBe('START reply');
    expect(sourceLabel('crm-sync', null)).toBe('crm-sync');
  });

  test('says who or what made the change', () => {
    expect(changeDetail('console', { actor: 'token:tk_1' })).toBe('by token:tk_1');
    expect(changeDetail('api', { batch: 'b-7', note: '' })).toBe('batch: b-7');
    expect(changeDetail('import', null)).toBeNull();
  });
});
