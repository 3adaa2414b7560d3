import { sendEmailOnce } from '@tend/channels';
import { eq, workspaces } from '@tend/db';
import { sendEmailNode } from '@tend/journey';
import { defineNode } from '@tend/sdk';
import type { NodeDeps } from './node-deps.js';

export const sendEmail = defineNode({
  ...sendEmailNode,
  async run(context, config, deps: Pick<NodeDeps, 'db' | 'email' | 'publicUrl'>) {
    const [workspace] = await deps.db.select().from(workspaces).where(eq(workspaces.id, context.workspaceId));
    const from = workspace?.emailFrom ?? 'Tend <hello@tend.local>';
    const tracking = deps.publicUrl && workspace ? { baseUrl: deps.publicUrl, secret: workspace.trackingSecret } : undefined;
    const sent = await sendEmailOnce(deps.db, deps.email, { ...context, from, config, tracking });
    // Why it did not send (no address, no browser took it) goes on the contact's trail.
    return { output: 'next', outcome: sent.status, ...('reason' in sent ? { reason: sent.reason } : {}) };
  },
});
