import { describe, expect, test } from 'vitest';
import type { ConsentState, MessagePolicy } from '../messaging/messaging-types';
import { consentGrid } from './consent-grid';

const policy = (smsOptIn: boolean): MessagePolicy => ({
  email: { requireOptIn: false, cap: null },
  sms: { requireOptIn: smsOptIn, cap: null },
  push: { requireOptIn: false, cap: null },
  quietHours: null,
});
const topics = [
  { workspaceId: 'acme', id: 'offers', name: 'Offers', description: '', createdAt: '2030-01-01T00:00:00Z' },
  { workspaceId: 'acme', id: 'news', name: 'News', description: '', createdAt: '2030-01-01T00:00:00Z' },
];
const state = (channel: ConsentState['channel'], topic: string, status: ConsentState['status']): ConsentState => ({ channel, topic, status, source: 'console', updatedAt: '2030-01-01T00:00:00Z' });
const cell = (rows: ReturnType<typeof consentGrid>, topic: string, channel: string) => rows.find((row) => row.topic === topic)!.cells.find((entry) => entry.channel === channel)!;

describe('consentGrid', () => {
  test('reads each topic and channel as the policy step does', () => {
    const rows = consentGrid([state('email', 'offers', 'unsubscribed'), state('sms', 'news', 'subscribed')], topics, policy(true));
    expect(rows.map((row) => row.name)).toEqual(['All marketing', 'Offers', 'News']);
    expect(cell(rows, 'offers', 'email')).toEqual({ channel: 'email', stated: 'unsubscribed', receives: false, why: 'unsubscribed from this topic' });
    expect(cell(rows, 'news', 'email')).toMatchObject({ stated: 'default', receives: true, why: 'not unsubscribed (opt-out)' });
    expect(cell(rows, '', 'sms')).toMatchObject({ stated: 'default', receives: false, why: 'this channel requires opt-in' });
    expect(cell(rows, 'news', 'sms')).toMatchObject({ stated: 'subscribed', receives: true });
  });

  test('an unsubscribe from the whole channel stops every topic', () => {
    const rows = consentGrid([state('push', '', 'unsubscribed'), state('push', 'offers', 'subscribed')], topics, policy(false));
    expect(cell(rows, '', 'push')).toMatchObject({ stated: 'unsubscribed', receives: false });
    expect(cell(rows, 'offers', 'push')).toMatchObject({ stated: 'subscribed', receives: false, why: 'unsubscribed from all marketing on this channel' });
  });

  test('keeps a choice about a topic the workspace removed', () => {
    const rows = consentGrid([state('email', 'old-topic', 'unsubscribed')], topics, undefined);
    expect(rows.at(-1)).toMatchObject({ topic: 'old-topic', name: 'old-topic (removed topic)' });
  });
});
