import { sendPushOnce, webPushTransport } from '@tend/channels';
import { sendPushNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import { ApplicationFailure } from '@temporalio/activity';
import type { NodeDeps } from './node-deps.js';
import { policyNow, visitOf } from './send-outcome.js';

export const sendPush = defineNode({
  ...sendPushNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'push' | 'fetch'>) {
    if (!deps.push) {
      throw ApplicationFailure.nonRetryable('web push is not configured: set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT');
    }
    const transport = webPushTransport(deps.push.vapid, { fetch: deps.fetch });
    const now = await policyNow(deps.db, context.idempotencyKey);
    const sent = await sendPushOnce(deps.db, transport, { ...context, config, now });
    // Why it did not send (no browser took it) or waited (quiet hours) goes on the contact's trail.
    return visitOf(sent.status === 'sent' ? { status: 'sent' } : sent, now);
  },
});
