import type { SuppressionRow } from './messaging-types';

const reasons: Record<SuppressionRow['reason'], string> = {
  'hard-bounce': 'Hard bounce',
  complaint: 'Complaint (marked as spam)',
  'invalid-number': 'Invalid number',
  unsubscribed: 'Unsubscribed (STOP reply)',
};

/** Why an address is suppressed, in words. */
export function suppressionReason(reason: SuppressionRow['reason']): string {
  return reasons[reason];
}

/**
 * What removing a suppression means for this reason, said before the admin confirms: a fixed
 * mailbox is the case it is for; a STOP reply is the person's word, which only they take back.
 */
export function removalWarning(reason: SuppressionRow['reason']): string {
  switch (reason) {
    case 'hard-bounce':
      return 'Remove it once the mailbox works again (a typo fixed, a mailbox re-created): sends to it resume, and a new hard bounce suppresses it again.';
    case 'complaint':
      return 'This person marked a message as spam. Sending to them again can hurt delivery for everyone: remove it only if they asked for mail again.';
    case 'invalid-number':
      return 'Remove it once the number can receive texts again: the provider refused it as unreachable.';
    case 'unsubscribed':
      return 'This person replied STOP. Carriers require texts to stop until they reply START (which lifts this by itself): remove it only on their clear request.';
  }
}
