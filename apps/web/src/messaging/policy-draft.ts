import { channels, type Channel, type MessagePolicy } from './messaging-types';

/** One channel's settings as the form holds them: numbers as typed, so a half-typed one is kept. */
export interface ChannelDraft {
  capOn: boolean;
  count: string;
  perDays: string;
  requireOptIn: boolean;
}

/** The policy form's state. Quiet hours keep their values while switched off, so switching back restores them. */
export interface PolicyDraft {
  email: ChannelDraft;
  sms: ChannelDraft;
  push: ChannelDraft;
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
  quietChannels: Channel[];
  defaultTimeZone: string;
}

/** What a new cap or new quiet hours start from: the examples the issue gives. */
const newCap = { count: '3', perDays: '7' };
const newQuietHours = { start: '21:00', end: '09:00', channels: ['sms', 'push'] as Channel[], defaultTimeZone: 'UTC' };

export function draftOf(policy: MessagePolicy): PolicyDraft {
  const channel = (settings: MessagePolicy[Channel]): ChannelDraft => ({
    capOn: settings.cap !== null,
    count: settings.cap ? String(settings.cap.count) : newCap.count,
    perDays: settings.cap ? String(settings.cap.perDays) : newCap.perDays,
    requireOptIn: settings.requireOptIn,
  });
  const hours = policy.quietHours;
  return {
    email: channel(policy.email),
    sms: channel(policy.sms),
    push: channel(policy.push),
    quietOn: hours !== null,
    quietStart: hours?.start ?? newQuietHours.start,
    quietEnd: hours?.end ?? newQuietHours.end,
    quietChannels: hours?.channels ?? newQuietHours.channels,
    defaultTimeZone: hours?.defaultTimeZone ?? newQuietHours.defaultTimeZone,
  };
}

/**
 * The policy to save. Numbers are sent as typed: an empty box goes as NaN (null in JSON), so the
 * server's refusal ("the cap needs a number of messages") lands on the field like any other.
 */
export function policyInput(draft: PolicyDraft): MessagePolicy {
  const channel = (settings: ChannelDraft) => ({
    requireOptIn: settings.requireOptIn,
    cap: settings.capOn ? { count: typedNumber(settings.count), perDays: typedNumber(settings.perDays) } : null,
  });
  return {
    email: channel(draft.email),
    sms: channel(draft.sms),
    push: channel(draft.push),
    quietHours: draft.quietOn
      ? { start: draft.quietStart, end: draft.quietEnd, channels: channels.filter((name) => draft.quietChannels.includes(name)), defaultTimeZone: draft.defaultTimeZone }
      : null,
  };
}

function typedNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** Whether the form differs from the saved policy (compared as they would be saved). */
export function draftChanged(draft: PolicyDraft, saved: MessagePolicy): boolean {
  return JSON.stringify(policyInput(draft)) !== JSON.stringify(policyInput(draftOf(saved)));
}

const inSentence: Record<Channel, string> = { email: 'email', sms: 'SMS', push: 'push' };

/** "SMS and push", "email, SMS and push". */
export function channelList(names: readonly Channel[]): string {
  const words = channels.filter((name) => names.includes(name)).map((name) => inSentence[name]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The quiet hours in one sentence, as a marketer would check them. */
export function quietHoursSentence(draft: PolicyDraft): string {
  if (!draft.quietOn) return 'No quiet hours: marketing goes out at any hour.';
  const which = channelList(draft.quietChannels);
  if (!which) return 'Quiet hours apply to no channel yet: tick at least one.';
  return (
    `Marketing ${which} waits from ${draft.quietStart} until ${draft.quietEnd} in the contact's time zone ` +
    `(${draft.defaultTimeZone || 'UTC'} when their timezone trait is missing or unknown), then goes.`
  );
}

const nouns: Record<Channel, string> = { email: 'email', sms: 'text', push: 'push notification' };

/** A cap in words: "At most 2 marketing emails to one contact in any 7 days." */
export function capSentence(channel: Channel, draft: ChannelDraft): string {
  const noun = nouns[channel];
  if (!draft.capOn) return `No cap: every marketing ${noun} goes, subject to consent and quiet hours.`;
  const count = Number(draft.count);
  const days = Number(draft.perDays);
  if (!Number.isInteger(count) || !Number.isInteger(days) || count < 1 || days < 1) return 'Give a whole number of messages and of days.';
  return `At most ${count} marketing ${count === 1 ? noun : `${noun}s`} to one contact in any ${days === 1 ? 'day' : `${days} days`}; more wait until there is room, or are skipped where the send step says so.`;
}
