import { eq, rfmScores, sql, type Database, type SQL } from '@tend/db';
import { rfmGroups } from './rfm-groups.js';
import { rfmScoresQuery } from './rfm-scores.js';
import { readRfmSettings } from './rfm-settings.js';
import { readRfmSummary, type RfmSummary } from './rfm-summary.js';

export interface ComputeRfmOptions {
  /** The reference "now": recency is counted to it and the window ends at it. */
  asOf: Date;
}

/**
 * Scores every contact of the workspace who bought in the RFM window (see `rfmScoresQuery`),
 * names their group from R and F (`rfmGroups`), and replaces the workspace's `rfm_scores` with
 * them in one transaction: a contact no longer scored is removed. All in SQL, a delete and one
 * INSERT … SELECT whatever the number of contacts, then the summary it returns, read from the rows
 * just written, so it is what the console will find.
 */
export async function computeRfm(db: Database, workspaceId: string, { asOf }: ComputeRfmOptions): Promise<RfmSummary> {
  const settings = await readRfmSettings(db, workspaceId);
  return db.transaction(async (tx) => {
    // Two computations of one workspace at once would each delete, then collide on insert.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rfm:${workspaceId}`}))`);
    await tx.delete(rfmScores).where(eq(rfmScores.workspaceId, workspaceId));
    await tx.execute(sql`
      with scored as (${rfmScoresQuery(workspaceId, settings, asOf)})
      insert into ${rfmScores} (workspace_id, contact_id, recency_days, frequency, monetary, r, f, m, "group", computed_at)
      select ${workspaceId}, contact_id, recency_days, frequency, monetary::float8, r, f, m, named.name, ${asOf.toISOString()}::timestamptz
      from scored join (${groupCells()}) as named (r, f, name) using (r, f)`);
    return { ...(await readRfmSummary(tx, workspaceId)), computedAt: asOf };
  });
}

/** `rfmGroups` as a VALUES list of (r, f, group name), one row per cell. */
function groupCells(): SQL {
  const rows = rfmGroups.flatMap(({ name, cells }) => cells.map(({ r, f }) => sql`(${r}::smallint, ${f}::smallint, ${name}::text)`));
  return sql`values ${sql.join(rows, sql`, `)}`;
}
