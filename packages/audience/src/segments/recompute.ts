import { and, eq, segmentMemberships, segments, sql, type Database } from '@tend/db';
import type { Condition } from '@tend/journey/ir';
import { parseSegmentDefinition } from './segment-definition.js';
import { SegmentError } from './segment-error.js';
import { dependencyOrder } from './segment-references.js';
import { syncMembership, type MembershipChange } from './sync-membership.js';

export interface SegmentRecompute extends MembershipChange {
  segment: string;
  /** Members after the recompute. */
  size: number;
}

export type SegmentRefresh = MembershipChange & { segment: string };

/**
 * Recomputes one segment's membership in full as of `asOf`, in one transaction: entries and
 * exits are written with their "Segment Entered" / "Segment Exited" events (see syncMembership),
 * and the segment's computed_at and size are updated. Time alone can change membership ("last
 * order more than 90 days ago"): a schedule calls this with the current time.
 */
export async function recomputeSegment(db: Database, workspaceId: string, segmentId: string, asOf: Date): Promise<SegmentRecompute> {
  return db.transaction(async (tx) => {
    const [segment] = await tx
      .select()
      .from(segments)
      .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)));
    if (!segment) throw new SegmentError('not-found', [{ path: '', message: `no segment "${segmentId}" in this workspace` }]);
    const change = await syncMembership(tx, { workspaceId, segment: { ...segment, definition: storedDefinition(segment) }, asOf });
    const [counted] = await tx
      .update(segments)
      .set({
        computedAt: asOf,
        size: sql`(select count(*)::int from ${segmentMemberships} where ${segmentMemberships.workspaceId} = ${workspaceId} and ${segmentMemberships.segment} = ${segmentId})`,
      })
      .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)))
      .returning({ size: segments.size });
    return { segment: segmentId, ...change, size: counted?.size ?? 0 };
  });
}

/** Recomputes every segment of the workspace, each after the segments it uses. */
export async function recomputeAllSegments(db: Database, workspaceId: string, asOf: Date): Promise<SegmentRecompute[]> {
  const results: SegmentRecompute[] = [];
  for (const id of await segmentsInOrder(db, workspaceId)) results.push(await recomputeSegment(db, workspaceId, id, asOf));
  return results;
}

/**
 * Real-time membership: every segment recomputed for these contacts only (the server calls it
 * after routing a batch of their events), one statement per segment whatever the number of
 * contacts, in dependency order. Sizes are adjusted by the changes; computed_at is left to full
 * recomputes. Returns the segments whose membership changed.
 */
export async function refreshSegmentsForContacts(db: Database, workspaceId: string, contactIds: readonly string[], asOf: Date): Promise<SegmentRefresh[]> {
  if (contactIds.length === 0) return [];
  const only = [...new Set(contactIds)];
  const stored = (await db.select().from(segments).where(eq(segments.workspaceId, workspaceId))).map((segment) => ({ ...segment, definition: storedDefinition(segment) }));
  const byId = new Map(stored.map((segment) => [segment.id, segment]));
  const changed: SegmentRefresh[] = [];
  for (const id of dependencyOrder(stored)) {
    await db.transaction(async (tx) => {
      const change = await syncMembership(tx, { workspaceId, segment: byId.get(id)!, asOf, contactIds: only });
      if (change.entered === 0 && change.exited === 0) return;
      changed.push({ segment: id, ...change });
      await tx
        .update(segments)
        .set({ size: sql`${segments.size} + ${change.entered - change.exited}` })
        .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
    });
  }
  return changed;
}

async function segmentsInOrder(db: Database, workspaceId: string): Promise<string[]> {
  const stored = await db.select({ id: segments.id, definition: segments.definition }).from(segments).where(eq(segments.workspaceId, workspaceId));
  return dependencyOrder(stored.map((segment) => ({ id: segment.id, definition: storedDefinition(segment) })));
}

/** A stored definition, read again (the store checked it; a definition stored by hand might not be). */
function storedDefinition(segment: { id: string; definition: unknown }): Condition {
  try {
    return parseSegmentDefinition(segment.definition);
  } catch (error) {
    if (error instanceof SegmentError) throw new SegmentError('invalid', [{ path: '', message: `segment "${segment.id}" has a definition that cannot be used: ${error.message}` }]);
    throw error;
  }
}
