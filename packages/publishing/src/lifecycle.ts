import { and, eq, isLiveVersion, journeys, journeyVersions, type Database } from '@tend/db';
import type { JourneyGraphInput, JourneyIr, ValidationOptions } from '@tend/journey';
import { commandJourney } from '@tend/routing';
import type { Client } from '@temporalio/client';
import { publishJourney, type PublishResult } from './publish.js';
import { syncSchedules } from './schedules.js';

export interface PublishOptions extends ValidationOptions {
  /** Move contacts waiting in the previous version to this one (at a wait node with the same or mapped id). */
  moveWaiting?: boolean;
  /** Old node id → new node id, for waits renamed in the new version. */
  nodeMap?: Record<string, string>;
}

export type PublishAndApplyResult = (PublishResult & { ok: false }) | (Extract<PublishResult, { ok: true }> & { moved: number });

/** Publishes a version, keeps its schedules in step, and optionally moves waiting contacts to it. */
export async function publishAndApply(
  db: Database,
  temporal: Client,
  workspaceId: string,
  graph: JourneyGraphInput,
  options: PublishOptions = {},
): Promise<PublishAndApplyResult> {
  const previous = await liveIr(db, workspaceId, (graph as { id?: string }).id ?? '');
  const result = await publishJourney(db, workspaceId, graph, options);
  if (!result.ok) return result;
  const current = (await liveIr(db, workspaceId, result.journeyId))!;
  const [journey] = await db.select({ status: journeys.status }).from(journeys).where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, result.journeyId)));
  await syncSchedules(temporal, workspaceId, current, journey?.status ?? 'active', previous);
  let moved = 0;
  if (options.moveWaiting && !result.unchanged) {
    moved = await commandJourney(db, temporal, workspaceId, result.journeyId, {
      kind: 'migrate',
      migrate: { version: result.version, ir: current, nodeMap: options.nodeMap ?? {} },
    });
  }
  return { ...result, moved };
}

/**
 * Pause holds every contact where they are and takes no new entries; resume lets them go on;
 * archive stops every contact and the journey for good.
 */
export async function setJourneyStatus(
  db: Database,
  temporal: Client,
  workspaceId: string,
  journeyId: string,
  status: 'active' | 'paused' | 'archived',
): Promise<{ told: number } | null> {
  const ir = await liveIr(db, workspaceId, journeyId);
  const [updated] = await db
    .update(journeys)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)))
    .returning();
  if (!updated) return null;
  if (ir) await syncSchedules(temporal, workspaceId, ir, status, null);
  const kind = status === 'paused' ? 'pause' : status === 'active' ? 'resume' : 'stop';
  return { told: await commandJourney(db, temporal, workspaceId, journeyId, { kind }) };
}

/** The journey's live version, whatever its status (a paused journey keeps its schedules paused). */
async function liveIr(db: Database, workspaceId: string, journeyId: string): Promise<JourneyIr | null> {
  const [row] = await db
    .select({ ir: journeyVersions.ir })
    .from(journeys)
    .innerJoin(journeyVersions, isLiveVersion)
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)));
  return row?.ir ?? null;
}
