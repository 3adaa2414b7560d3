import type { BadgeTone } from '../ui/badge';
import { plural } from '../ui/format';
import type { ContactMessage } from '../messaging/messaging-types';

/** What became of one message, in words: the status badge and why. */
export interface MessageOutcome {
  label: string;
  tone: BadgeTone;
  /** Why it was skipped, failed or held, and until when; null for a plain send. */
  why: string | null;
}

/**
 * A ledger row as the contact page words it. A sent message that the policy held first says how
 * long and why (the ledger keeps the deferral); a deferred one says until when; `formatTime`
 * turns the ledger's ISO times into the reader's.
 */
export function messageOutcome(message: ContactMessage, formatTime: (iso: string) => string): MessageOutcome {
  const held = message.deferredUntil ? formatTime(message.deferredUntil) : null;
  switch (message.status) {
    case 'sent':
      return { label: 'sent', tone: 'good', why: held ? `held until ${held} by ${message.reason ?? 'the message policy'}` : null };
    case 'deferred':
      return { label: 'deferred', tone: 'warn', why: `until ${held ?? 'the policy allows it'}${message.reason ? `: ${message.reason}` : ''}` };
    case 'skipped':
      return { label: 'skipped', tone: 'neutral', why: message.reason ?? 'no reason recorded' };
    case 'failed':
      return { label: 'failed', tone: 'bad', why: message.reason ?? message.lastError ?? 'the provider refused it' };
    case 'sending':
      return {
        label: message.attempts > 1 ? 'retrying' : 'sending',
        tone: 'warn',
        why: message.lastError ? `the provider has not taken it yet (${plural(message.attempts, 'attempt')}): ${message.lastError}` : null,
      };
  }
}

/**
 * The message's subject (a push's title) or text (an SMS), or what stands in for it: a held or
 * skipped message is recorded before it is rendered, so it has none yet.
 */
export function messageText(message: ContactMessage): { text: string; placeholder: boolean } {
  const text = message.subject ?? message.body;
  if (text) return { text, placeholder: false };
  if (message.status === 'deferred') return { text: 'written when it goes', placeholder: true };
  if (message.status === 'skipped') return { text: 'not written: skipped', placeholder: true };
  return { text: '(no subject)', placeholder: true };
}
