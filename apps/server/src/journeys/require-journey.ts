import { and, eq, journeys, type Database } from '@tend/db';
import { TRPCError } from '@trpc/server';

/** The journey row of this workspace, or NOT_FOUND naming the id. */
export async function requireJourney(db: Database, workspaceId: string, id: string) {
  const [journey] = await db.select().from(journeys).where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, id)));
  if (!journey) throw new TRPCError({ code: 'NOT_FOUND', message: `no journey "${id}"` });
  return journey;
}
