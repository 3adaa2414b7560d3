import { sendEmailOnce } from '@tend/channels';
import { sendEmailNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import type { NodeDeps } from './node-deps.js';

export const sendEmail = defineNode({
  ...sendEmailNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'email' | 'publicUrl'>) {
    // The workspace's sender and tracking secret are read with the contact (one round trip).
    const sent = await sendEmailOnce(deps.db, deps.email, { ...context, config, trackingBaseUrl: deps.publicUrl });
    // Why it did not send (no address, no browser took it) goes on the contact's trail.
    return { output: 'next', outcome: sent.status, ...('reason' in sent ? { reason: sent.reason } : {}) };
  },
});
