import { and, enrolments, eq, sql, type Database } from '@tend/db';

/**
 * A journey run the database has already recorded as ended, which Temporal has not been told yet:
 * the caller signals it once the transaction has committed (routing's remove signal, with this
 * reason). The workflow id is enough; the contact it names may be gone by then.
 */
export interface RunToEnd {
  journeyId: string;
  workflowId: string;
  reason: string;
}

/**
 * Marks a contact's running enrolments stopped (so live counts and "waiting here" drop them at
 * once, in the same transaction as the change that ends them) and returns them as runs to end.
 * A run that ends later anyway writes its own end over this one, which is harmless.
 */
export async function stopRunningEnrolments(db: Database, workspaceId: string, contactId: string, { reason, asOf }: { reason: string; asOf: Date }): Promise<RunToEnd[]> {
  const stopped = await db
    .update(enrolments)
    .set({ status: 'stopped', endedAt: asOf, currentNode: null, currentSince: null })
    .where(and(eq(enrolments.workspaceId, workspaceId), eq(enrolments.contactId, contactId), eq(enrolments.status, 'active')))
    .returning({ journeyId: enrolments.journeyId, workflowId: enrolments.workflowId });
  return stopped.map((run) => ({ ...run, reason })).sort((a, b) => a.journeyId.localeCompare(b.journeyId));
}

/** The journeys both contacts are running now: there `into`'s run is the one kept. */
export async function journeysBothRun(db: Database, workspaceId: string, from: string, into: string): Promise<string[]> {
  const result = await db.execute(sql`
    select theirs.journey_id from ${enrolments} as theirs join ${enrolments} as ours using (workspace_id, journey_id)
    where theirs.workspace_id = ${workspaceId} and theirs.contact_id = ${from} and ours.contact_id = ${into}
      and theirs.status = 'active' and ours.status = 'active'
    order by 1`);
  return (result as unknown as { rows: { journey_id: string }[] }).rows.map((row) => row.journey_id);
}
