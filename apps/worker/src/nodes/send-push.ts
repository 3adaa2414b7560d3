import { sendPushOnce, workspacePushTransports } from '@tend/channels';
import { sendPushNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import type { NodeDeps } from './node-deps.js';
import { policyNow, visitOf } from './send-outcome.js';

export const sendPush = defineNode({
  ...sendPushNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'push' | 'fetch' | 'publicUrl'>) {
    // Signed as the contact's workspace: its browsers subscribed with that workspace's public key.
    const transports = deps.push ?? workspacePushTransports(deps.db, { fetch: deps.fetch, publicUrl: deps.publicUrl });
    const transport = await transports.forWorkspace(context.workspaceId);
    const now = await policyNow(deps.db, context.idempotencyKey);
    const sent = await sendPushOnce(deps.db, transport, { ...context, config, now });
    // Why it did not send (no browser took it) or waited (quiet hours) goes on the contact's trail.
    return visitOf(sent.status === 'sent' ? { status: 'sent' } : sent, now);
  },
});
