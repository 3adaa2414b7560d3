import { and, desc, eq, identityMerges, lifetimeValues, or, rfmScores, segmentMemberships, segments, sql, type Database } from '@tend/db';

/** What the audience knows of one contact: segments, RFM scores and group, predicted value, merges. */
export async function audienceFacts(db: Database, workspaceId: string, contactId: string) {
  const [memberOf, [rfm], [predicted], merges] = await Promise.all([
    db
      .select({ segment: segmentMemberships.segment, name: sql<string>`coalesce(${segments.name}, ${segmentMemberships.segment})`, since: segmentMemberships.since })
      .from(segmentMemberships)
      .leftJoin(segments, and(eq(segments.workspaceId, segmentMemberships.workspaceId), eq(segments.id, segmentMemberships.segment)))
      .where(and(eq(segmentMemberships.workspaceId, workspaceId), eq(segmentMemberships.contactId, contactId)))
      .orderBy(segmentMemberships.segment),
    db
      .select()
      .from(rfmScores)
      .where(and(eq(rfmScores.workspaceId, workspaceId), eq(rfmScores.contactId, contactId))),
    db
      .select()
      .from(lifetimeValues)
      .where(and(eq(lifetimeValues.workspaceId, workspaceId), eq(lifetimeValues.contactId, contactId))),
    db
      .select()
      .from(identityMerges)
      .where(and(eq(identityMerges.workspaceId, workspaceId), or(eq(identityMerges.intoContactId, contactId), eq(identityMerges.fromContactId, contactId))))
      .orderBy(desc(identityMerges.mergedAt)),
  ]);
  return { segments: memberOf, rfm: rfm ?? null, predicted: predicted ?? null, merges };
}
