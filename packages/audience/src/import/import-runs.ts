import { eq, imports, newId, sql, type Database } from '@tend/db';

export interface ImportRun {
  id: string;
  /** Lines up to here were committed by an earlier, unfinished run of the same file: skip writing them. */
  resumeAfter: number;
}

/**
 * Starts (or takes up again) the import of a file into a workspace, recorded in `imports`. The same
 * file (fingerprint) again: an unfinished import resumes after its last settled line; a finished
 * one runs again from the start, its writes being idempotent. One statement, so two starts of the
 * same file agree on one row.
 */
export async function beginImport(
  db: Database,
  file: { workspaceId: string; kind: string; source: string; fingerprint: string },
): Promise<ImportRun> {
  const [run] = await db
    .insert(imports)
    .values({ id: newId('im'), ...file, status: 'running' })
    .onConflictDoUpdate({
      target: [imports.workspaceId, imports.kind, imports.fingerprint],
      set: {
        source: sql`excluded.source`,
        status: 'running',
        linesDone: sql`case when ${imports.status} = 'done' then 0 else ${imports.linesDone} end`,
        startedAt: sql`case when ${imports.status} = 'done' then now() else ${imports.startedAt} end`,
        error: null,
        finishedAt: null,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: imports.id, resumeAfter: imports.linesDone });
  return run!;
}

/** Records that every line up to `linesDone` is committed, and the totals so far. */
export async function recordProgress(db: Database, id: string, linesDone: number, totals: object): Promise<void> {
  await db
    .update(imports)
    .set({ linesDone: sql`greatest(${imports.linesDone}, ${linesDone})`, totals: { ...totals }, updatedAt: sql`now()` })
    .where(eq(imports.id, id));
}

export async function finishImport(db: Database, id: string, lastLine: number, totals: object): Promise<void> {
  await db
    .update(imports)
    .set({ status: 'done', linesDone: lastLine, totals: { ...totals }, updatedAt: sql`now()`, finishedAt: sql`now()` })
    .where(eq(imports.id, id));
}

/** The run stopped (an error, an abort): what it committed stays, and the next run resumes from there. */
export async function failImport(db: Database, id: string, error: unknown, totals: object): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await db.update(imports).set({ status: 'failed', error: message, totals: { ...totals }, updatedAt: sql`now()` }).where(eq(imports.id, id));
}
