import { channels, type Channel, type ConsentState, type MessagePolicy, type Topic } from '../messaging/messaging-types';
import type { StateWord } from './consent-history';

/** One cell of the consent grid: what the contact said, and whether marketing reaches them there. */
export interface ConsentCell {
  channel: Channel;
  stated: StateWord;
  receives: boolean;
  /** Why, in a few words: "unsubscribed from all email marketing", "opt-in required". */
  why: string;
}

export interface ConsentRow {
  /** '' for the channel's marketing as a whole (messages without a topic). */
  topic: string;
  name: string;
  cells: ConsentCell[];
}

/**
 * The contact's consent per topic (rows: all marketing first, then each topic) and channel
 * (columns), with the same reading the send path's policy step makes: an unsubscribe from the
 * channel stops every topic; one from a topic stops that topic; where the channel requires
 * opt-in, only a stated "subscribed" (to the channel or the topic) lets marketing through.
 * A topic the contact stated a choice for but the workspace removed still shows.
 */
export function consentGrid(states: readonly ConsentState[], topics: readonly Topic[], policy: MessagePolicy | undefined): ConsentRow[] {
  const stated = (channel: Channel, topic: string): StateWord => states.find((state) => state.channel === channel && state.topic === topic)?.status ?? 'default';
  const removed = [...new Set(states.map((state) => state.topic))].filter((topic) => topic !== '' && !topics.some((known) => known.id === topic));
  const rows = [
    { topic: '', name: 'All marketing' },
    ...topics.map((topic) => ({ topic: topic.id, name: topic.name })),
    ...removed.map((topic) => ({ topic, name: `${topic} (removed topic)` })),
  ];
  return rows.map((row) => ({
    ...row,
    cells: channels.map((channel) => {
      const own = stated(channel, row.topic);
      const whole = stated(channel, '');
      return { channel, stated: own, ...reach(whole, row.topic === '' ? 'default' : own, policy?.[channel].requireOptIn ?? false, row.topic !== '') };
    }),
  }));
}

function reach(whole: StateWord, topic: StateWord, requireOptIn: boolean, isTopic: boolean): { receives: boolean; why: string } {
  if (whole === 'unsubscribed') return { receives: false, why: isTopic ? 'unsubscribed from all marketing on this channel' : 'unsubscribed' };
  if (topic === 'unsubscribed') return { receives: false, why: 'unsubscribed from this topic' };
  if (requireOptIn && whole !== 'subscribed' && topic !== 'subscribed') return { receives: false, why: 'this channel requires opt-in' };
  if (whole === 'subscribed' || topic === 'subscribed') return { receives: true, why: 'subscribed' };
  return { receives: true, why: 'not unsubscribed (opt-out)' };
}
