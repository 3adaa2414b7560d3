import { and, desc, eq, journeys, journeyVersions, sql, type Database } from '@tend/db';
import { compileJourney, type JourneyGraphInput, type Problem, type ValidationOptions } from '@tend/journey';

export type PublishResult =
  | { ok: true; journeyId: string; version: number; hash: string; unchanged: boolean }
  | { ok: false; problems: Problem[] };

/**
 * Validates and compiles a draft graph, then appends it as the journey's next version and
 * makes it live. Publishing identical content again returns the existing version.
 */
export async function publishJourney(db: Database, workspaceId: string, graph: JourneyGraphInput, options: ValidationOptions = {}): Promise<PublishResult> {
  const compiled = compileJourney(graph, options);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  const { ir, hash } = compiled;
  return db.transaction(async (tx) => {
    await tx
      .insert(journeys)
      .values({ workspaceId, id: ir.journeyId, name: ir.name })
      .onConflictDoUpdate({ target: [journeys.workspaceId, journeys.id], set: { name: ir.name, updatedAt: new Date() } });
    const ofJourney = and(eq(journeyVersions.workspaceId, workspaceId), eq(journeyVersions.journeyId, ir.journeyId));
    const [same] = await tx.select().from(journeyVersions).where(and(ofJourney, eq(journeyVersions.hash, hash)));
    const [latest] = await tx.select().from(journeyVersions).where(ofJourney).orderBy(desc(journeyVersions.version)).limit(1);
    const version = same?.version ?? (latest?.version ?? 0) + 1;
    if (!same) await tx.insert(journeyVersions).values({ workspaceId, journeyId: ir.journeyId, version, hash, graph, ir });
    await tx
      .update(journeys)
      // A paused journey stays paused (its contacts are held until resume); an archived one comes back.
      .set({ liveVersion: version, status: sql`case when ${journeys.status} = 'paused' then 'paused' else 'active' end`, updatedAt: new Date() })
      .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, ir.journeyId)));
    return { ok: true as const, journeyId: ir.journeyId, version, hash, unchanged: Boolean(same) };
  });
}
