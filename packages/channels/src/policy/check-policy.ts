import { contacts, eq, type Database, type Transaction } from '@tend/db';
import { defaultJourneyPriority, isValidTimeZone, type FrequencyCap } from '@tend/journey';
import { consentsOf, suppressionOf } from '../consent/consent-store.js';
import type { Channel } from '../ledger.js';
import { capRoom, recheckMs } from './frequency-cap.js';
import { policyFacts } from './policy-facts.js';
import { messagePolicySchema, policyOf, type MessagePolicy } from './policy-settings.js';
import { aheadInLine, aheadReason, overtakenReason } from './priority.js';
import { quietUntil } from './quiet-hours.js';
import { sendingJourney, sendingJourneyAt, type SendingJourney } from './sending-journey.js';

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
  /** The sending journey's priority and caps, when the caller has them already (null: none); else read by `journeyId`. */
  journey?: SendingJourney | null;
  /** The address's suppression (null: none) and the contact's consents, when read ahead with the rest (withPolicySettings). */
  suppression?: string | null;
  consents?: Map<string, string>;
}

export type PolicyVerdict = { verdict: 'send' } | { verdict: 'defer'; until: Date; reason: string } | { verdict: 'skip'; reason: string };

const channelNames: Record<Channel, string> = { email: 'email', sms: 'SMS', push: 'push' };

/**
 * The one policy step before every send. Suppression stops every message to the address,
 * transactional ones included. A marketing message also needs consent (no unsubscribe from
 * the channel or its topic; an explicit opt-in where the policy requires one), then waits for
 * the frequency caps (the workspace's per channel, the journey's own), for messages of a
 * higher priority due with it when the cap has no room for all, and for quiet hours; or is
 * skipped if the node says so. Transactional messages pass consent, caps and quiet hours.
 */
export async function checkPolicy(db: Database | Transaction, question: PolicyQuestion): Promise<PolicyVerdict> {
  const { workspaceId, contactId, channel } = question;
  const suppressed = question.suppression !== undefined ? question.suppression : await suppressionOf(db, workspaceId, channel, question.recipient);
  if (suppressed) return { verdict: 'skip', reason: `the ${channelNames[channel]} address is suppressed (${suppressed.replace('-', ' ')})` };
  if (question.purpose === 'transactional') return { verdict: 'send' };

  const policy = question.policy ?? (await policyOf(db, workspaceId));
  const refusal = consentRefusal(question.consents ?? (await consentsOf(db, workspaceId, contactId, channel)), channel, question.topic ?? '', policy[channel].requireOptIn);
  if (refusal) return { verdict: 'skip', reason: refusal };

  const held = await heldUntil(db, question, policy, await journeyOf(db, question));
  if (!held) return { verdict: 'send' };
  if (question.whenHeld === 'skip') return { verdict: 'skip', reason: `held by ${held.reason}; the step skips held messages` };
  return { verdict: 'defer', ...held };
}

/**
 * What `checkPolicy` reads once per send, read ahead in one round trip (policyFacts) so the
 * caller knows whether a cap applies (and so whether to count and claim under the cap lock):
 * the workspace's policy, the sending journey's priority and caps, the address's suppression
 * and the contact's consents. What stays to read is what a cap or quiet hours ask.
 */
export async function withPolicySettings(db: Database | Transaction, question: PolicyQuestion): Promise<PolicyQuestion> {
  const facts = await policyFacts(db, question);
  const read = { suppression: facts.suppression, consents: facts.consents };
  if (question.purpose === 'transactional') return { ...question, ...read };
  const journey = question.journey !== undefined ? question.journey : question.journeyId ? await sendingJourneyAt(db, question.workspaceId, question.journeyId, facts.liveJourneyHash) : null;
  return { ...question, ...read, policy: question.policy ?? messagePolicySchema.parse(facts.policy ?? {}), journey };
}

/** The sending journey's settings: the caller's, else read by the question's journey id; null outside a journey. */
async function journeyOf(db: Database | Transaction, question: PolicyQuestion): Promise<SendingJourney | null> {
  if (question.journey !== undefined) return question.journey;
  return question.journeyId ? sendingJourney(db, question.workspaceId, question.journeyId) : null;
}

/** Whether a frequency cap (the workspace's for the channel, or the journey's own) may hold this message. */
export function capApplies(question: PolicyQuestion): boolean {
  if (question.purpose === 'transactional') return false;
  return Boolean(question.policy?.[question.channel].cap ?? question.journey?.caps[question.channel]);
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

/**
 * The next moment the caps, the journeys ahead in line and quiet hours all allow, with what held
 * the message; null when now is allowed. The journey's own cap and the workspace's are both
 * counted (the later freeing wins). When the workspace's cap has room, but not for this message
 * as well as the messages due with it that go first (a higher priority, or the same and held
 * earlier), this one waits a minute for them, then asks again (and finds the cap full, or the
 * slot still free because theirs did not go).
 */
async function heldUntil(
  db: Database | Transaction,
  question: PolicyQuestion,
  policy: MessagePolicy,
  journey: SendingJourney | null,
): Promise<{ until: Date; reason: string } | null> {
  const { workspaceId, contactId, channel, idempotencyKey, now } = question;
  const counted = { workspaceId, contactId, channel, idempotencyKey, now };
  const holds: { until: Date; reason: string }[] = [];
  const journeyCap = journey?.caps[channel];
  if (journeyCap) {
    const { freedAt } = await capRoom(db, { ...counted, cap: journeyCap, onlyJourney: journey.id });
    if (freedAt) holds.push({ until: freedAt, reason: `the journey's ${channelNames[channel]} cap (${capText(journeyCap)})` });
  }
  const cap = policy[channel].cap;
  if (cap) {
    const priority = journey?.priority ?? defaultJourneyPriority;
    const { room, freedAt, overtakenBy } = await capRoom(db, { ...counted, cap, priority });
    const capReason = `the ${channelNames[channel]} frequency cap (${capText(cap)})`;
    if (freedAt) holds.push({ until: freedAt, reason: overtakenBy ? `${capReason}, ${overtakenReason(overtakenBy, priority)}` : capReason });
    else if (holds.length === 0) {
      const ahead = await aheadInLine(db, { ...counted, priority, limit: room });
      if (ahead.length >= room) holds.push({ until: new Date(now.getTime() + recheckMs), reason: aheadReason(ahead[0]!, priority) });
    }
  }
  let until = new Date(Math.max(now.getTime(), ...holds.map((hold) => hold.until.getTime())));
  const reasons = holds.map((hold) => hold.reason);
  const quiet = policy.quietHours;
  if (quiet?.channels.includes(channel)) {
    const zone = (await timeZoneOf(db, question)) ?? quiet.defaultTimeZone;
    // Checked at the moment the caps free the message, so the retry is not held again by the night.
    const morning = quietUntil(until, quiet, zone);
    if (morning) {
      until = morning;
      reasons.push(`quiet hours (${quiet.start}–${quiet.end} ${zone})`);
    }
  }
  return reasons.length > 0 ? { until, reason: reasons.join(' and ') } : null;
}

/** { count: 2, perDays: 7 } → "2 in 7 days". */
function capText(cap: FrequencyCap): string {
  return `${cap.count} in ${cap.perDays} ${cap.perDays === 1 ? 'day' : 'days'}`;
}

async function timeZoneOf(db: Database | Transaction, question: PolicyQuestion): Promise<string | null> {
  if (question.contactTimeZone && isValidTimeZone(question.contactTimeZone)) return question.contactTimeZone;
  const [contact] = await db.select({ traits: contacts.traits }).from(contacts).where(eq(contacts.id, question.contactId));
  const zone = contact?.traits.timezone;
  return typeof zone === 'string' && isValidTimeZone(zone) ? zone : null;
}
