import { describe, expect, test } from 'vitest';
import type { ContactMessage } from '../messaging/messaging-types';
import { messageOutcome, messageText } from './message-outcome';

const message = (fields: Partial<ContactMessage>): ContactMessage => ({
  idempotencyKey: 'k',
  channel: 'sms',
  recipient: '+14155550123',
  subject: null,
  body: 'Hi',
  journeyId: 'welcome',
  nodeId: 'text',
  purpose: 'marketing',
  topic: null,
  status: 'sent',
  reason: null,
  deferredUntil: null,
  attempts: 1,
  lastError: null,
  createdAt: '2030-03-01T22:00:00.000Z',
  sentAt: null,
  ...fields,
});
const time = (iso: string) => iso.slice(11, 16);

describe('messageOutcome', () => {
  test('says until when and why a message waits, and that a sent one waited', () => {
    const reason = 'quiet hours (21:00–09:00 UTC)';
    expect(messageOutcome(message({ status: 'deferred', deferredUntil: '2030-03-02T09:00:00.000Z', reason }), time)).toEqual({ label: 'deferred', tone: 'warn', why: `until 09:00: ${reason}` });
    expect(messageOutcome(message({ status: 'sent', deferredUntil: '2030-03-02T09:00:00.000Z', reason }), time)).toEqual({ label: 'sent', tone: 'good', why: `held until 09:00 by ${reason}` });
    expect(messageOutcome(message({}), time)).toEqual({ label: 'sent', tone: 'good', why: null });
  });

  test('gives the reason of a skip or a failure, and an outage as retrying', () => {
    expect(messageOutcome(message({ status: 'skipped', reason: 'the contact unsubscribed from SMS marketing' }), time).why).toBe('the contact unsubscribed from SMS marketing');
    expect(messageOutcome(message({ status: 'failed', lastError: '21211 invalid number' }), time)).toMatchObject({ tone: 'bad', why: '21211 invalid number' });
    expect(messageOutcome(message({ status: 'sending', attempts: 3, lastError: 'HTTP 503' }), time)).toEqual({
      label: 'retrying',
      tone: 'warn',
      why: 'the provider has not taken it yet (3 attempts): HTTP 503',
    });
  });
});

describe('messageText', () => {
  test('is the subject or the text, or says why there is none yet', () => {
    expect(messageText(message({ channel: 'email', subject: 'Hello', body: null }))).toEqual({ text: 'Hello', placeholder: false });
    expect(messageText(message({}))).toEqual({ text: 'Hi', placeholder: false });
    expect(messageText(message({ status: 'deferred', body: null }))).toEqual({ text: 'written when it goes', placeholder: true });
    expect(messageText(message({ status: 'skipped', body: null }))).toEqual({ text: 'not written: skipped', placeholder: true });
  });
});
