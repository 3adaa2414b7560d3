import { computeRfm, fitLifetimeValues, recomputeAllSegments } from '@tend/audience';
import { workspaces, type Database } from '@tend/db';
import type { AudienceActivities } from '@tend/journey/ir';
import { log } from '@temporalio/activity';

/**
 * The audience refresh, in the order segments need it: RFM and predicted value first (segment
 * conditions read them), then every segment, each entry and exit stored as an event that
 * routing offers to journeys.
 */
export function createAudienceActivities(db: Database): AudienceActivities {
  return {
    async audienceWorkspaces() {
      const rows = await db.select({ id: workspaces.id }).from(workspaces).orderBy(workspaces.id);
      return rows.map((row) => row.id);
    },

    async refreshAudience({ workspaceId, asOf }) {
      const at = new Date(asOf);
      const rfm = await computeRfm(db, workspaceId, { asOf: at });
      const predicted = await fitLifetimeValues(db, workspaceId, { asOf: at });
      // Too little history to fit is normal for a new shop: said in the log, not a failure.
      if (!predicted.fitted) log.info('no lifetime-value fit', { workspaceId, reason: predicted.reason });
      const segments = await recomputeAllSegments(db, workspaceId, at);
      return {
        workspaceId,
        rfmScored: rfm.contacts,
        predicted: predicted.fitted ? predicted.customers : 0,
        segments: segments.length,
        entered: segments.reduce((sum, segment) => sum + segment.entered, 0),
        exited: segments.reduce((sum, segment) => sum + segment.exited, 0),
      };
    },
  };
}
