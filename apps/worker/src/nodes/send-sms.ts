import { sendSmsOnce } from '@tend/channels';
import { sendSmsNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import { ApplicationFailure } from '@temporalio/activity';
import type { NodeDeps } from './node-deps.js';
import { policyNow, visitOf } from './send-outcome.js';

export const sendSms = defineNode({
  ...sendSmsNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'sms'>) {
    if (!deps.sms) throw ApplicationFailure.nonRetryable('SMS is not configured: set SMS_URL to the SMS provider\'s HTTP endpoint');
    const now = await policyNow(deps.db, context.idempotencyKey);
    const outcome = await sendSmsOnce(deps.db, deps.sms, { ...context, config, now });
    // The provider refused this very message (400/422): retrying cannot help, so the run fails visibly.
    if (outcome.status === 'failed') throw ApplicationFailure.nonRetryable(outcome.reason);
    // Why it did not send (no number, no opt-in) or waited (quiet hours) goes on the contact's trail.
    return visitOf(outcome, now);
  },
});
