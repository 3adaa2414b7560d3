import { contacts, eq, type Database, type Transaction } from '@tend/db';
import { isValidTimeZone } from '@tend/journey';
import { consentsOf, suppressionOf } from '../consent/consent-store.js';
import type { Channel } from '../ledger.js';
import { cappedUntil } from './frequency-cap.js';
import { policyOf, type MessagePolicy } from './policy-settings.js';
import { quietUntil } from './quiet-hours.js';

export type MessagePurpose = 'marketing' | 'transactional';

/** One message about to be sent, as the policy sees it. */
export interface PolicyQuestion {
  workspaceId: string;
  contactId: string;
  channel: Channel;
  /** The address the provider would be given: an email, an E.164 number, a push endpoint. */
  recipient: string;
  /** Missing (a version published before purposes): marketing. */
  purpose?: MessagePurpose | null;
  /** A subscription topic id; none: the channel's marketing as a whole. */
  topic?: string | null;
  journeyId?: string | null;
  /** The send's ledger key: a retry never counts its own earlier rows against a cap. */
  idempotencyKey: string;
  now: Date;
  /** Read from the contact's `timezone` trait when absent and quiet hours apply. */
  contactTimeZone?: string | null;
  /** What the node does with a message a cap or quiet hours hold (default defer). */
  whenHeld?: 'defer' | 'skip';
  /** The workspace's policy, when the caller has it already. */
  policy?: MessagePolicy;
}

export type PolicyVerdict = { verdict: 'send' } | { verdict: 'defer'; until: Date; reason: string } | { verdict: 'skip'; reason: string };

const channelNames: Record<Channel, string> = { email: 'email', sms: 'SMS', push: 'push' };

/**
 * The one policy step before every send. Suppression stops every message to the address,
 * transactional ones included. A marketing message also needs consent (no unsubscribe from
 * the channel or its topic; an explicit opt-in where the policy requires one: SMS by default),
 * then waits for the frequency cap and quiet hours, or is skipped if the node says so.
 * Transactional messages pass consent, caps and quiet hours.
 */
export async function checkPolicy(db: Database | Transaction, question: PolicyQuestion): Promise<PolicyVerdict> {
  const { workspaceId, contactId, channel } = question;
  const suppressed = await suppressionOf(db, workspaceId, channel, question.recipient);
  if (suppressed) return { verdict: 'skip', reason: `the ${channelNames[channel]} address is suppressed (${suppressed.replace('-', ' ')})` };
  if (question.purpose === 'transactional') return { verdict: 'send' };

  const policy = question.policy ?? (await policyOf(db, workspaceId));
  const refusal = consentRefusal(await consentsOf(db, workspaceId, contactId, channel), channel, question.topic ?? '', policy[channel].requireOptIn);
  if (refusal) return { verdict: 'skip', reason: refusal };

  const held = await heldUntil(db, question, policy);
  if (!held) return { verdict: 'send' };
  if (question.whenHeld === 'skip') return { verdict: 'skip', reason: `held by ${held.reason}; the step skips held messages` };
  return { verdict: 'defer', ...held };
}

/** Why marketing may not reach the contact on this channel and topic, or null when it may. */
function consentRefusal(states: Map<string, string>, channel: Channel, topic: string, requireOptIn: boolean): string | null {
  const name = channelNames[channel];
  if (states.get('') === 'unsubscribed') return `the contact unsubscribed from ${name} marketing`;
  if (topic && states.get(topic) === 'unsubscribed') return `the contact unsubscribed from "${topic}" by ${name}`;
  const optedIn = states.get('') === 'subscribed' || (topic !== '' && states.get(topic) === 'subscribed');
  if (requireOptIn && !optedIn) return `the contact has not opted in to ${name} marketing`;
  return null;
}

/** The next moment the cap and quiet hours both allow, with what held the message; null when now is allowed. */
async function heldUntil(db: Database | Transaction, question: PolicyQuestion, policy: MessagePolicy): Promise<{ until: Date; reason: string } | null> {
  const { channel, now } = question;
  const reasons: string[] = [];
  let until = now;
  const cap = policy[channel].cap;
  if (cap) {
    const freed = await cappedUntil(db, { ...question, now, cap });
    if (freed) {
      until = freed;
      reasons.push(`the ${channelNames[channel]} frequency cap (${cap.count} in ${cap.perDays} ${cap.perDays === 1 ? 'day' : 'days'})`);
    }
  }
  const quiet = policy.quietHours;
  if (quiet?.channels.includes(channel)) {
    const zone = (await timeZoneOf(db, question)) ?? quiet.defaultTimeZone;
    // Checked at the moment the cap frees the message, so the retry is not held again by the night.
    const morning = quietUntil(until, quiet, zone);
    if (morning) {
      until = morning;
      reasons.push(`quiet hours (${quiet.start}–${quiet.end} ${zone})`);
    }
  }
  return reasons.length > 0 ? { until, reason: reasons.join(' and ') } : null;
}

async function timeZoneOf(db: Database | Transaction, question: PolicyQuestion): Promise<string | null> {
  if (question.contactTimeZone && isValidTimeZone(question.contactTimeZone)) return question.contactTimeZone;
  const [contact] = await db.select({ traits: contacts.traits }).from(contacts).where(eq(contacts.id, question.contactId));
  const zone = contact?.traits.timezone;
  return typeof zone === 'string' && isValidTimeZone(zone) ? zone : null;
}
