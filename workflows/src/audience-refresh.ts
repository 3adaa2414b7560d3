import type { AudienceActivities, AudienceRefreshInput, AudienceRefreshResult } from '@tend/journey/ir';
import { proxyActivities } from '@temporalio/workflow';

// A refresh scans every scored contact: it may take minutes on a large workspace; retried whole.
const { audienceWorkspaces, refreshAudience } = proxyActivities<AudienceActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '30 seconds', maximumInterval: '10 minutes', maximumAttempts: 5 },
});

/** RFM, predicted value and segments of one workspace, or of each in turn (the hourly schedule). */
export async function audienceRefreshWorkflow(input: AudienceRefreshInput): Promise<AudienceRefreshResult[]> {
  const workspaceIds = input.workspaceId ? [input.workspaceId] : await audienceWorkspaces();
  const results: AudienceRefreshResult[] = [];
  for (const workspaceId of workspaceIds) results.push(await refreshAudience({ workspaceId, asOf: Date.now() }));
  return results;
}
