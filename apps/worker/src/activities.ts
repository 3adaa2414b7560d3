import { workspacePushTransports } from '@tend/channels';
import type { AudienceActivities, JourneyActivities, RunActionInput, ScheduledEntryActivities } from '@tend/journey/ir';
import type { AnyNodeDefinition } from '@tend/sdk';
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/activity';
import { createAudienceActivities } from './audience-refresh.js';
import { createJourneyActivities } from './journey-activities.js';
import { createScheduledEntryActivities } from './scheduled-entry.js';
import type { NodeDeps } from './nodes/node-deps.js';
import { builtInActionNodes, nodeRegistry } from './nodes/registry.js';

export interface ActivityDeps extends NodeDeps {
  /** For scheduled and date-triggered entries, which start journeys from the worker. */
  temporal?: Client;
  /** Custom action nodes (defineNode) this worker runs besides the built-in ones. */
  customNodes?: readonly AnyNodeDefinition[];
}

/**
 * Builds the activities from their dependencies, so tests hand in their own database and
 * SMTP peer (Temporal's dependency-injection pattern).
 */
export function createActivities(given: ActivityDeps): JourneyActivities & ScheduledEntryActivities & AudienceActivities {
  // One per worker, so each workspace's VAPID keys are read once, not per push.
  const deps: ActivityDeps = { ...given, push: given.push ?? workspacePushTransports(given.db, { fetch: given.fetch, publicUrl: given.publicUrl }) };
  const nodes = nodeRegistry([...builtInActionNodes, ...(deps.customNodes ?? [])]);
  return {
    ...createJourneyActivities(deps.db),
    ...createScheduledEntryActivities(deps.db, deps.temporal),
    ...createAudienceActivities(deps.db),
    async runAction(input: RunActionInput) {
      const node = nodes.get(`${input.type}@${input.version}`);
      // Retrying cannot help a node this worker does not have: fail loudly so it is seen.
      if (!node) {
        throw ApplicationFailure.nonRetryable(
          `this worker has no action node "${input.type}" v${input.version}; deploy a worker that registers it`,
        );
      }
      const parsed = node.config.safeParse(input.config);
      if (!parsed.success) {
        throw ApplicationFailure.nonRetryable(`node "${input.nodeId}" has an invalid config: ${parsed.error.message}`);
      }
      const { type: _type, version: _version, config: _config, ...context } = input;
      return node.run(context, parsed.data, deps);
    },
  };
}
