import { sendEmailOnce } from '@tend/channels';
import { sendEmailNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import type { NodeDeps } from './node-deps.js';
import { policyNow, visitOf } from './send-outcome.js';

export const sendEmail = defineNode({
  ...sendEmailNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'email' | 'publicUrl'>) {
    // The workspace's sender and tracking secret are read with the contact (one round trip).
    const now = await policyNow(deps.db, context.idempotencyKey);
    const sent = await sendEmailOnce(deps.db, deps.email, { ...context, config, trackingBaseUrl: deps.publicUrl, now });
    // Why it did not send (no address, suppressed) or waited (a cap) goes on the contact's trail.
    return visitOf(sent, now);
  },
});
