import { and, emailTemplates, emailTemplateVersions, eq, isNull, ne, or, sql, type Database } from '@tend/db';
import { templateLibrary, type LibraryItem, type TemplateLibrary } from './template-library.js';

/**
 * The workspace's library as sends see it: the live version of every layout and partial, and of
 * the templates asked for (one id for a send, all for a publish that must check them), in one
 * query. Archived items are left out; items never published are listed as unpublished.
 */
export async function liveLibrary(db: Database, workspaceId: string, templates: { id: string } | 'all' = 'all'): Promise<TemplateLibrary> {
  const rows = await db
    .select({ id: emailTemplates.id, kind: emailTemplates.kind, version: emailTemplates.liveVersion, content: emailTemplateVersions.content, hash: emailTemplateVersions.hash })
    .from(emailTemplates)
    .leftJoin(
      emailTemplateVersions,
      and(
        eq(emailTemplateVersions.workspaceId, emailTemplates.workspaceId),
        eq(emailTemplateVersions.templateId, emailTemplates.id),
        eq(emailTemplateVersions.version, emailTemplates.liveVersion),
      ),
    )
    .where(
      and(
        eq(emailTemplates.workspaceId, workspaceId),
        isNull(emailTemplates.archivedAt),
        templates === 'all' ? undefined : or(ne(emailTemplates.kind, 'template'), eq(emailTemplates.id, templates.id)),
      ),
    );
  const items: LibraryItem[] = [];
  const unpublished: string[] = [];
  for (const row of rows) {
    if (row.version !== null && row.content && row.hash) items.push({ id: row.id, kind: row.kind, version: row.version, content: row.content, hash: row.hash });
    else unpublished.push(row.id);
  }
  return templateLibrary(workspaceId, items, unpublished);
}

/** Why a send cannot use this template: it does not exist, is archived, or was never published; null when it can. */
export async function unavailableReason(db: Database, workspaceId: string, templateId: string): Promise<string | null> {
  const [row] = await db
    .select({ kind: emailTemplates.kind, liveVersion: emailTemplates.liveVersion, archived: sql<boolean>`${emailTemplates.archivedAt} is not null` })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.id, templateId)));
  if (!row) return `there is no email template "${templateId}"`;
  if (row.kind !== 'template') return `"${templateId}" is a ${row.kind}, not an email template`;
  if (row.archived) return `the email template "${templateId}" is archived`;
  if (row.liveVersion === null) return `the email template "${templateId}" has no published version`;
  return null;
}

/** The workspace's templates (not layouts or partials) and whether each has a live version: what journey publish checks against. */
export async function templateAvailability(db: Database, workspaceId: string): Promise<{ id: string; live: boolean }[]> {
  const rows = await db
    .select({ id: emailTemplates.id, liveVersion: emailTemplates.liveVersion })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.kind, 'template'), isNull(emailTemplates.archivedAt)));
  return rows.map((row) => ({ id: row.id, live: row.liveVersion !== null }));
}
