import { workspaces, eq, type Database } from '@tend/db';
import type { EmailTransport } from '@tend/channels';
import type { JourneyActivities, RunActionInput } from '@tend/journey/ir';
import { ApplicationFailure } from '@temporalio/activity';
import { sendEmail } from './nodes/send-email.js';

export interface ActivityDeps {
  db: Database;
  email: EmailTransport;
}

/**
 * Builds the activities from their dependencies, so tests hand in their own database and
 * SMTP peer (Temporal's dependency-injection pattern).
 */
export function createActivities(deps: ActivityDeps): JourneyActivities {
  return {
    async runAction(input: RunActionInput) {
      const context = {
        workspaceId: input.workspaceId,
        contactId: input.contactId,
        journeyId: input.journeyId,
        nodeId: input.nodeId,
        idempotencyKey: input.idempotencyKey,
      };
      if (input.type === sendEmail.type && input.version === sendEmail.version) {
        const config = sendEmail.config.parse(input.config);
        const [workspace] = await deps.db.select().from(workspaces).where(eq(workspaces.id, input.workspaceId));
        const defaultFrom = workspace?.emailFrom ?? 'Tend <hello@tend.local>';
        return sendEmail.run(context, config, { db: deps.db, email: deps.email, defaultFrom });
      }
      // Retrying cannot help a node this worker does not have: fail loudly so it is seen.
      throw ApplicationFailure.nonRetryable(
        `this worker has no action node "${input.type}" v${input.version}; deploy a worker that registers it`,
      );
    },
  };
}
