import { and, emailTemplates, emailTemplateVersions, eq, sql, type Database } from '@tend/db';
import { checkTemplate } from './check-template.js';
import { liveLibrary } from './live-library.js';
import { TemplateError } from './template-error.js';
import { libraryItem, withItem, type LibraryItem, type TemplateLibrary } from './template-library.js';
import { formatTemplateProblem, type TemplateProblem } from './template-problem.js';
import { reachedItems } from './template-usage.js';

export type PublishTemplateResult = { ok: true; version: number; unchanged: boolean } | { ok: false; problems: TemplateProblem[] };

export interface PublishTemplate {
  workspaceId: string;
  id: string;
  /** The draft revision the marketer looked at: a newer one is refused (they would publish what they have not seen). */
  revision: number;
  userId: string | null;
}

/**
 * Makes the draft the live version: sends use it from the next one on. Refused with problems
 * when it does not compile, and for a layout or partial also when a live template that uses it
 * would not compile with it. The same content as the live version publishes nothing new
 * (`unchanged`). Publishing an archived item brings it back.
 */
export async function publishTemplate(db: Database, publish: PublishTemplate): Promise<PublishTemplateResult> {
  const { workspaceId, id } = publish;
  const [row] = await db.select().from(emailTemplates).where(and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.id, id)));
  if (!row) throw new TemplateError('not-found', `there is no template, layout or partial "${id}"`);
  if (row.revision !== publish.revision) throw staleDraft(id, row.revision);
  const draft = libraryItem(id, row.kind, row.draft);
  const library = await liveLibrary(db, workspaceId);
  const problems = await checkTemplate(draft, library);
  if (problems.length === 0 && row.kind !== 'template') problems.push(...(await brokenDependents(draft, library)));
  if (problems.length > 0) return { ok: false, problems };

  return db.transaction(async (tx) => {
    const ofItem = and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.id, id));
    // The row lock orders two publishes of one item: each appends its own version number.
    const [locked] = await tx.select().from(emailTemplates).where(ofItem).for('update');
    if (!locked || locked.revision !== publish.revision) throw staleDraft(id, locked?.revision ?? 0);
    const ofVersions = and(eq(emailTemplateVersions.workspaceId, workspaceId), eq(emailTemplateVersions.templateId, id));
    const [live] = locked.liveVersion === null ? [] : await tx.select({ hash: emailTemplateVersions.hash }).from(emailTemplateVersions).where(and(ofVersions, eq(emailTemplateVersions.version, locked.liveVersion)));
    if (live?.hash === draft.hash && locked.liveVersion !== null) {
      if (locked.archivedAt) await tx.update(emailTemplates).set({ archivedAt: null, updatedAt: sql`now()` }).where(ofItem);
      return { ok: true as const, version: locked.liveVersion, unchanged: true };
    }
    const [latest] = await tx.select({ version: sql<number>`coalesce(max(${emailTemplateVersions.version}), 0)::int` }).from(emailTemplateVersions).where(ofVersions);
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(emailTemplateVersions).values({ workspaceId, templateId: id, version, content: draft.content, hash: draft.hash, publishedBy: publish.userId });
    await tx.update(emailTemplates).set({ liveVersion: version, archivedAt: null, updatedAt: sql`now()` }).where(ofItem);
    return { ok: true as const, version, unchanged: false };
  });
}

/** The live templates that reach this layout or partial and would no longer compile with the new version. */
async function brokenDependents(draft: LibraryItem, library: TemplateLibrary): Promise<TemplateProblem[]> {
  const next = withItem(library, draft);
  const problems: TemplateProblem[] = [];
  for (const template of library.items.values()) {
    if (template.kind !== 'template' || !reachedItems(template, next).has(draft.id)) continue;
    const [first, ...more] = await checkTemplate(template, next);
    if (!first) continue;
    problems.push({
      template: draft.id,
      field: 'body',
      message: `the live template "${template.id}" would no longer work with this version (${formatTemplateProblem(first)}${more.length ? `, and ${more.length} more` : ''}): change this ${draft.kind} or that template first`,
    });
  }
  return problems;
}

function staleDraft(id: string, revision: number): TemplateError {
  return new TemplateError('conflict', `"${id}" was saved again (revision ${revision}) after you looked: reload, check it, then publish`);
}
