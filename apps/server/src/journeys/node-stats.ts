import { and, enrolments, eq, inArray, journeyVersions, messages, nodeVisits, sql, type Database } from '@tend/db';
import type { JourneyGraphInput, NodeSpec } from '@tend/journey';
import { legacyOutput } from './legacy-output.js';

export interface NodeStats {
  /** Visits recorded at the node plus contacts at it now. */
  entered: number;
  /** Contacts whose run is at this node now. */
  waiting: number;
  /** Goal visits (outcome "converted"). */
  converted: number;
  /** How many left by each output id. */
  byOutput: Record<string, number>;
  /** A message step's visits that sent nothing: skipped (no address, no consent, suppressed…) or failed for good. */
  skipped: number;
  failed: number;
  /** Messages of the step the message policy holds now (a frequency cap, quiet hours): they go later. */
  deferred: number;
}

/** Live counts per node of one journey, across all its versions, for the canvas. */
export async function nodeStats(db: Database, workspaceId: string, journeyId: string, custom: readonly NodeSpec[] = []): Promise<Record<string, NodeStats>> {
  const inJourney = and(eq(nodeVisits.workspaceId, workspaceId), eq(nodeVisits.journeyId, journeyId));
  const [visits, waiting, held] = await Promise.all([
    db
      .select({ nodeId: nodeVisits.nodeId, version: nodeVisits.version, outcome: nodeVisits.outcome, output: nodeVisits.output, count: sql<number>`count(*)::int` })
      .from(nodeVisits)
      .where(inJourney)
      .groupBy(nodeVisits.nodeId, nodeVisits.version, nodeVisits.outcome, nodeVisits.output),
    db
      .select({ nodeId: enrolments.currentNode, count: sql<number>`count(*)::int` })
      .from(enrolments)
      .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.journeyId, journeyId), eq(enrolments.status, 'active')))
      .groupBy(enrolments.currentNode),
    db
      .select({ nodeId: messages.nodeId, count: sql<number>`count(distinct regexp_replace(${messages.idempotencyKey}, '/push/.*$', ''))::int` })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), eq(messages.journeyId, journeyId), eq(messages.status, 'deferred'), eq(messages.test, false)))
      .groupBy(messages.nodeId),
  ]);
  const graphs = await legacyGraphs(db, workspaceId, journeyId, visits);
  const stats: Record<string, NodeStats> = {};
  const of = (nodeId: string) => (stats[nodeId] ??= { entered: 0, waiting: 0, converted: 0, byOutput: {}, skipped: 0, failed: 0, deferred: 0 });
  for (const row of visits) {
    const node = of(row.nodeId);
    node.entered += row.count;
    if (row.outcome === 'converted') node.converted += row.count;
    if (row.outcome === 'skipped') node.skipped += row.count;
    if (row.outcome === 'failed') node.failed += row.count;
    const output = row.output ?? legacyOutput(graphs.get(row.version), row.nodeId, row.outcome, custom);
    if (output !== null) node.byOutput[output] = (node.byOutput[output] ?? 0) + row.count;
  }
  for (const row of waiting) {
    if (row.nodeId === null) continue;
    const node = of(row.nodeId);
    node.waiting += row.count;
    node.entered += row.count;
  }
  for (const row of held) {
    if (row.nodeId !== null) of(row.nodeId).deferred += row.count;
  }
  return stats;
}

/** The graphs of the versions that have visits without an output id (recorded before it was kept). */
async function legacyGraphs(db: Database, workspaceId: string, journeyId: string, visits: { version: number; output: string | null }[]) {
  const versions = [...new Set(visits.filter((visit) => visit.output === null).map((visit) => visit.version))];
  const graphs = new Map<number, JourneyGraphInput>();
  if (versions.length === 0) return graphs;
  const rows = await db
    .select({ version: journeyVersions.version, graph: journeyVersions.graph })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.workspaceId, workspaceId), eq(journeyVersions.journeyId, journeyId), inArray(journeyVersions.version, versions)));
  for (const row of rows) graphs.set(row.version, row.graph);
  return graphs;
}
