import { and, eq, journeyDrafts, sql, users, type Database } from '@tend/db';
import { TRPCError } from '@trpc/server';

/** A draft larger than this (as JSON text) is refused: a journey that big is a mistake, not a journey. */
export const maxDraftBytes = 2 * 1024 * 1024;

export interface DraftRecord {
  graph: unknown;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** The stored draft of a journey, with the email of who saved it last. */
export async function readDraft(db: Database, workspaceId: string, journeyId: string): Promise<DraftRecord | null> {
  const [row] = await db
    .select({ graph: journeyDrafts.graph, revision: journeyDrafts.revision, updatedAt: journeyDrafts.updatedAt, email: users.email })
    .from(journeyDrafts)
    .leftJoin(users, eq(users.id, journeyDrafts.updatedBy))
    .where(and(eq(journeyDrafts.workspaceId, workspaceId), eq(journeyDrafts.journeyId, journeyId)));
  if (!row) return null;
  return { graph: row.graph, revision: row.revision, updatedAt: row.updatedAt.toISOString(), updatedBy: row.email ?? null };
}

/** Refuses a graph whose JSON is over the size limit, saying how big it is. */
export function checkDraftSize(graph: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(graph ?? null), 'utf8');
  if (bytes > maxDraftBytes) {
    throw new TRPCError({
      code: 'PAYLOAD_TOO_LARGE',
      message: `this draft is ${(bytes / 1024 / 1024).toFixed(1)} MB; a draft can be at most ${maxDraftBytes / 1024 / 1024} MB: remove large inline content (e.g. images in email HTML)`,
    });
  }
}

export interface SaveDraft {
  workspaceId: string;
  journeyId: string;
  graph: unknown;
  /** The revision the editor opened; null when it believes there is no draft yet. */
  baseRevision: number | null;
  /** Overwrite whatever is stored (the marketer chose to after a conflict). */
  force: boolean;
  /** The saving user's id (null for an API token). */
  userId: string | null;
}

/**
 * Saves a draft if nobody saved since `baseRevision`, in one statement, so two tabs cannot both
 * win. A stale save is refused with who saved last and when.
 */
export async function saveDraft(db: Database, save: SaveDraft): Promise<{ revision: number; updatedAt: string }> {
  checkDraftSize(save.graph);
  const values = { workspaceId: save.workspaceId, journeyId: save.journeyId, graph: save.graph, updatedBy: save.userId };
  const stamp = { graph: save.graph, updatedBy: save.userId, updatedAt: sql`now()`, revision: sql`${journeyDrafts.revision} + 1` };
  const returning = { revision: journeyDrafts.revision, updatedAt: journeyDrafts.updatedAt };
  let saved: { revision: number; updatedAt: Date }[];
  if (save.force) {
    saved = await db
      .insert(journeyDrafts)
      .values({ ...values, revision: 1 })
      .onConflictDoUpdate({ target: [journeyDrafts.workspaceId, journeyDrafts.journeyId], set: stamp })
      .returning(returning);
  } else if (save.baseRevision === null) {
    saved = await db.insert(journeyDrafts).values({ ...values, revision: 1 }).onConflictDoNothing().returning(returning);
  } else {
    saved = await db
      .update(journeyDrafts)
      .set(stamp)
      .where(and(eq(journeyDrafts.workspaceId, save.workspaceId), eq(journeyDrafts.journeyId, save.journeyId), eq(journeyDrafts.revision, save.baseRevision)))
      .returning(returning);
  }
  const [row] = saved;
  if (row) return { revision: row.revision, updatedAt: row.updatedAt.toISOString() };
  throw new TRPCError({ code: 'CONFLICT', message: conflictMessage(await readDraft(db, save.workspaceId, save.journeyId)) });
}

function conflictMessage(current: DraftRecord | null): string {
  if (!current) return 'This draft was discarded after you opened it. Reload to start from the journey as it is now, or overwrite to keep your version.';
  const at = current.updatedAt.replace('T', ' ').slice(0, 16);
  const by = current.updatedBy ? ` by ${current.updatedBy}` : ' with an API token';
  return `Someone saved this draft after you opened it (revision ${current.revision}, ${at} UTC${by}). Reload to see their changes, or overwrite them.`;
}
