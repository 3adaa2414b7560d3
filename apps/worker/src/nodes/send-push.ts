import { sendPushOnce, webPushTransport } from '@tend/channels';
import { sendPushNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import { ApplicationFailure } from '@temporalio/activity';
import type { NodeDeps } from './node-deps.js';

export const sendPush = defineNode({
  ...sendPushNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'push' | 'fetch'>) {
    if (!deps.push) {
      throw ApplicationFailure.nonRetryable('web push is not configured: set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT');
    }
    const transport = webPushTransport(deps.push.vapid, { fetch: deps.fetch });
    const sent = await sendPushOnce(deps.db, transport, { ...context, config });
    // Why it did not send (no address, no browser took it) goes on the contact's trail.
    return { output: 'next', outcome: sent.status, ...('reason' in sent ? { reason: sent.reason } : {}) };
  },
});
