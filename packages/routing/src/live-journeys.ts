import { and, eq, isLiveVersion, journeys, journeyVersions, sql, type Database } from '@tend/db';
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

/** What routing needs to know of a workspace's journeys, read once and kept until one changes. */
export interface RoutingView {
  live: LiveJourney[];
  /**
   * Every event name a run of this workspace may listen to: what any version of any of its
   * journeys listens to (a run is always on one of them). An event no version listens to needs
   * no look-up in the routing index.
   */
  heard: ReadonlySet<string>;
}

/**
 * Keeps each workspace's routing view between batches. Publishing, pausing, resuming and
 * archiving all touch `journeys.updated_at`, so a small query for the latest change and the
 * number of journeys (no IR read) tells whether the view is stale, in this process or any other.
 */
export class RoutingViews {
  readonly #views = new Map<string, { stamp: string; view: RoutingView }>();

  constructor(private readonly db: Database) {}

  async of(workspaceId: string): Promise<RoutingView> {
    const stamp = await this.#stamp(workspaceId);
    const kept = this.#views.get(workspaceId);
    if (kept?.stamp === stamp) return kept.view;
    const view = { live: await liveJourneys(this.db, workspaceId), heard: await namesAnyRunListensTo(this.db, workspaceId) };
    this.#views.set(workspaceId, { stamp, view });
    return view;
  }

  async #stamp(workspaceId: string): Promise<string> {
    const [row] = await this.db
      .select({ stamp: sql<string>`coalesce(max(${journeys.updatedAt})::text, '') || '/' || count(*)` })
      .from(journeys)
      .where(eq(journeys.workspaceId, workspaceId));
    return row?.stamp ?? '';
  }
}

async function namesAnyRunListensTo(db: Database, workspaceId: string): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectDistinct({ name: sql<string>`jsonb_array_elements_text(${journeyVersions.ir} -> 'listensTo')` })
    .from(journeyVersions)
    .where(eq(journeyVersions.workspaceId, workspaceId));
  return new Set(rows.map((row) => row.name));
}
