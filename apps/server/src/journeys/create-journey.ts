import { journeyDrafts, journeys, type Database } from '@tend/db';
import { TRPCError } from '@trpc/server';
import { checkDraftSize } from './drafts.js';

/** The same rule as a graph's `id` (journeyGraphSchema): the journey's slug. */
export const journeyIdPattern = /^[a-z0-9][a-z0-9-]*$/;
export const journeyIdMessage = 'use lowercase letters, digits and dashes, starting with a letter or digit, e.g. "welcome-series"';

export interface NewJourney {
  workspaceId: string;
  id: string;
  name: string;
  graph?: unknown;
  userId: string | null;
}

/**
 * A journey with no live version and a first draft (revision 1): `graph` (a template) or a blank
 * one. The draft's id and name are the journey's, whatever the template said.
 */
export async function createJourney(db: Database, input: NewJourney): Promise<{ id: string }> {
  const base = isObject(input.graph) ? input.graph : { nodes: [], edges: [] };
  const graph = { ...base, id: input.id, name: input.name, nodes: base.nodes ?? [], edges: base.edges ?? [] };
  checkDraftSize(graph);
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(journeys)
      .values({ workspaceId: input.workspaceId, id: input.id, name: input.name, liveVersion: null })
      .onConflictDoNothing()
      .returning({ id: journeys.id });
    if (created.length === 0) throw new TRPCError({ code: 'CONFLICT', message: `a journey "${input.id}" already exists: choose another id` });
    await tx.insert(journeyDrafts).values({ workspaceId: input.workspaceId, journeyId: input.id, graph, revision: 1, updatedBy: input.userId });
  });
  return { id: input.id };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
