import { and, eq, isLiveVersion, journeys, journeyVersions, type Database } from '@tend/db';
import type { JourneyIr } from '@tend/journey/ir';

export interface LiveJourney {
  journeyId: string;
  version: number;
  ir: JourneyIr;
}

/** The live version of every active journey of a workspace: what new entries go into. */
export async function liveJourneys(db: Database, workspaceId: string, journeyId?: string): Promise<LiveJourney[]> {
  return db
    .select({ journeyId: journeyVersions.journeyId, version: journeyVersions.version, ir: journeyVersions.ir })
    .from(journeys)
    .innerJoin(journeyVersions, isLiveVersion)
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.status, 'active'), journeyId ? eq(journeys.id, journeyId) : undefined));
}
