import { describe, expect, test } from 'vitest';
import type { MessagePolicy } from './messaging-types';
import { capSentence, channelList, draftChanged, draftOf, policyInput, quietHoursSentence } from './policy-draft';

const fresh: MessagePolicy = {
  email: { requireOptIn: false, cap: null },
  sms: { requireOptIn: false, cap: null },
  push: { requireOptIn: false, cap: null },
  quietHours: null,
};

describe('the policy form', () => {
  test("a new workspace's policy saves back as it was, with a cap and quiet hours ready to switch on", () => {
    const draft = draftOf(fresh);
    expect(draft.email).toEqual({ capOn: false, count: '3', perDays: '7', requireOptIn: false });
    expect(draft).toMatchObject({ quietOn: false, quietStart: '21:00', quietEnd: '09:00', quietChannels: ['sms', 'push'], defaultTimeZone: 'UTC' });
    expect(policyInput(draft)).toEqual(fresh);
    expect(draftChanged(draft, fresh)).toBe(false);
  });

  test('sends the cap and quiet hours as set, the channels in their usual order', () => {
    const draft = { ...draftOf(fresh), quietOn: true, quietChannels: ['push', 'sms'] as const, email: { capOn: true, count: '2', perDays: '7', requireOptIn: false } };
    const input = policyInput({ ...draft, quietChannels: [...draft.quietChannels] });
    expect(input.email).toEqual({ requireOptIn: false, cap: { count: 2, perDays: 7 } });
    expect(input.quietHours).toEqual({ start: '21:00', end: '09:00', channels: ['sms', 'push'], defaultTimeZone: 'UTC' });
    expect(draftChanged({ ...draft, quietChannels: [...draft.quietChannels] }, fresh)).toBe(true);
  });

  test('an empty number box goes as a missing number, for the server to name the field', () => {
    const input = policyInput({ ...draftOf(fresh), sms: { capOn: true, count: '', perDays: '1', requireOptIn: true } });
    expect(input.sms.cap?.count).toBeNaN();
    expect(JSON.parse(JSON.stringify(input)).sms).toEqual({ requireOptIn: true, cap: { count: null, perDays: 1 } });
  });

  test('reads a saved policy back into the form', () => {
    const saved: MessagePolicy = { ...fresh, sms: { requireOptIn: true, cap: { count: 1, perDays: 1 } }, quietHours: { start: '22:00', end: '08:00', channels: ['email'], defaultTimeZone: 'Europe/London' } };
    const draft = draftOf(saved);
    expect(draft.sms).toEqual({ capOn: true, count: '1', perDays: '1', requireOptIn: true });
    expect(policyInput(draft)).toEqual(saved);
  });
});

describe('sentences', () => {
  test('name the channels as a sentence would', () => {
    expect(channelList(['push', 'sms'])).toBe('SMS and push');
    expect(channelList(['sms', 'email', 'push'])).toBe('email, SMS and push');
    expect(channelList(['email'])).toBe('email');
  });

  test('say when quiet hours hold marketing, and where the zone comes from', () => {
    const draft = { ...draftOf(fresh), quietOn: true };
    expect(quietHoursSentence(draft)).toBe(
      "Marketing SMS and push waits from 21:00 until 09:00 in the contact's time zone (UTC when their timezone trait is missing or unknown), then goes.",
    );
    expect(quietHoursSentence({ ...draft, quietChannels: [] })).toMatch(/tick at least one/);
    expect(quietHoursSentence(draftOf(fresh))).toMatch(/^No quiet hours/);
  });

  test('put a cap in words, and ask for whole numbers', () => {
    expect(capSentence('email', { capOn: true, count: '2', perDays: '7', requireOptIn: false })).toMatch(/^At most 2 marketing emails to one contact in any 7 days;/);
    expect(capSentence('sms', { capOn: true, count: '1', perDays: '1', requireOptIn: false })).toMatch(/^At most 1 marketing text to one contact in any day;/);
    expect(capSentence('push', { capOn: true, count: '0', perDays: '1', requireOptIn: false })).toBe('Give a whole number of messages and of days.');
    expect(capSentence('push', { capOn: false, count: '3', perDays: '7', requireOptIn: false })).toMatch(/^No cap: every marketing push notification goes/);
  });
});
