import { and, asc, desc, emailTemplates, emailTemplateVersions, eq, sql, users, type Database } from '@tend/db';
import { checkTemplate } from './check-template.js';
import { liveLibrary } from './live-library.js';
import { newItemContent } from './new-item-content.js';
import { contentHash, templateContentSchema, templateIdMessage, templateIdPattern, type TemplateContent, type TemplateKind } from './template-content.js';
import { TemplateError } from './template-error.js';
import { libraryItem } from './template-library.js';
import type { TemplateProblem } from './template-problem.js';
import { journeysByItem, journeysByTemplate, reachedItems } from './template-usage.js';

export interface TemplateSummary {
  id: string;
  kind: TemplateKind;
  name: string;
  liveVersion: number | null;
  revision: number;
  updatedAt: string;
  archivedAt: string | null;
  /** Journeys whose live version sends it (through a template, for a layout or partial). */
  usedBy: string[];
  /** The draft holds changes its live version does not have (false until first published). */
  draftChanged: boolean;
}

export interface TemplateDetail {
  id: string;
  kind: TemplateKind;
  name: string;
  draft: TemplateContent;
  revision: number;
  liveVersion: number | null;
  versions: { version: number; publishedAt: string; publishedBy: string | null }[];
  /** Why the draft could not be published now. */
  problems: TemplateProblem[];
}

const ofItem = (workspaceId: string, id: string) => and(eq(emailTemplates.workspaceId, workspaceId), eq(emailTemplates.id, id));

/** The library, archived items last, each with the journeys that send it. */
export async function listTemplates(db: Database, workspaceId: string): Promise<TemplateSummary[]> {
  const [rows, library, byTemplate] = await Promise.all([
    db
      .select()
      .from(emailTemplates)
      .where(eq(emailTemplates.workspaceId, workspaceId))
      .orderBy(sql`${emailTemplates.archivedAt} is not null`, asc(emailTemplates.name), asc(emailTemplates.id)),
    liveLibrary(db, workspaceId),
    journeysByTemplate(db, workspaceId),
  ]);
  const usage = journeysByItem(library, byTemplate);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    liveVersion: row.liveVersion,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    usedBy: row.archivedAt ? [] : (usage.get(row.id) ?? []),
    draftChanged: draftChanged(row.draft, library.items.get(row.id)?.hash),
  }));
}

function draftChanged(draft: TemplateContent, liveHash: string | undefined): boolean {
  return liveHash !== undefined && contentHash(draft) !== liveHash;
}

/** One item with its draft, its versions (newest first) and the draft's problems. */
export async function getTemplate(db: Database, workspaceId: string, id: string): Promise<TemplateDetail> {
  const row = await requireItem(db, workspaceId, id);
  const [versions, library] = await Promise.all([
    db
      .select({ version: emailTemplateVersions.version, publishedAt: emailTemplateVersions.publishedAt, publishedBy: users.email })
      .from(emailTemplateVersions)
      .leftJoin(users, eq(users.id, emailTemplateVersions.publishedBy))
      .where(and(eq(emailTemplateVersions.workspaceId, workspaceId), eq(emailTemplateVersions.templateId, id)))
      .orderBy(desc(emailTemplateVersions.version)),
    liveLibrary(db, workspaceId, { id }),
  ]);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    draft: row.draft,
    revision: row.revision,
    liveVersion: row.liveVersion,
    versions: versions.map((version) => ({ ...version, publishedAt: version.publishedAt.toISOString(), publishedBy: version.publishedBy ?? null })),
    problems: await checkTemplate(libraryItem(row.id, row.kind, row.draft), library),
  };
}

export interface NewTemplate {
  workspaceId: string;
  id: string;
  kind: TemplateKind;
  name: string;
  format?: 'mjml' | 'html';
  /** The creating user (null for an API token). */
  userId: string | null;
}

/** A new item with a draft that already renders; nothing is live until it is published. */
export async function createTemplate(db: Database, item: NewTemplate): Promise<TemplateDetail> {
  if (!templateIdPattern.test(item.id)) throw new TemplateError('invalid', `"${item.id}" cannot be an id: ${templateIdMessage}`, 'id');
  const name = item.name.trim();
  if (!name) throw new TemplateError('invalid', `name the ${item.kind}`, 'name');
  const [base] = await db.select({ kind: emailTemplates.kind }).from(emailTemplates).where(ofItem(item.workspaceId, 'base'));
  const draft = newItemContent(item.kind, item.format ?? 'mjml', base?.kind === 'layout');
  const created = await db
    .insert(emailTemplates)
    .values({ workspaceId: item.workspaceId, id: item.id, kind: item.kind, name, draft, updatedBy: item.userId })
    .onConflictDoNothing()
    .returning({ id: emailTemplates.id });
  if (created.length === 0) {
    const existing = await requireItem(db, item.workspaceId, item.id);
    throw new TemplateError('exists', `there is already a ${existing.kind} "${item.id}"${existing.archivedAt ? ' (archived)' : ''}: choose another id`, 'id');
  }
  return getTemplate(db, item.workspaceId, item.id);
}

export interface SaveTemplateDraft {
  workspaceId: string;
  id: string;
  name?: string;
  draft: unknown;
  /** The revision the editor opened: a save on top of someone else's is refused. */
  revision: number;
  userId: string | null;
}

/**
 * Saves the working copy if nobody saved since `revision`, in one statement (see the journey
 * drafts: a stale save is refused, never silently overwritten). Returns the new revision and the
 * draft's problems, so the editor shows them as the marketer types.
 */
export async function saveTemplateDraft(db: Database, save: SaveTemplateDraft): Promise<{ revision: number; problems: TemplateProblem[] }> {
  const parsed = templateContentSchema.safeParse(save.draft);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new TemplateError('invalid', issue?.message ?? 'the draft is not a template', ['draft', ...(issue?.path ?? [])].join('.'));
  }
  const name = save.name?.trim();
  if (save.name !== undefined && !name) throw new TemplateError('invalid', 'a name cannot be empty', 'name');
  const current = await requireItem(db, save.workspaceId, save.id);
  // Only a template has a subject line.
  const { subject: _subject, ...withoutSubject } = parsed.data;
  const draft: TemplateContent = current.kind === 'template' ? parsed.data : withoutSubject;
  const [saved] = await db
    .update(emailTemplates)
    .set({ draft, ...(name ? { name } : {}), revision: sql`${emailTemplates.revision} + 1`, updatedBy: save.userId, updatedAt: sql`now()` })
    .where(and(ofItem(save.workspaceId, save.id), eq(emailTemplates.revision, save.revision)))
    .returning({ revision: emailTemplates.revision });
  if (!saved) throw new TemplateError('conflict', await conflictMessage(db, save.workspaceId, save.id));
  const library = await liveLibrary(db, save.workspaceId, { id: save.id });
  return { revision: saved.revision, problems: await checkTemplate(libraryItem(current.id, current.kind, draft), library) };
}

/** One published version, as it was published. */
export async function templateVersion(db: Database, workspaceId: string, id: string, version: number) {
  const [row] = await db
    .select({ version: emailTemplateVersions.version, content: emailTemplateVersions.content, publishedAt: emailTemplateVersions.publishedAt, publishedBy: users.email })
    .from(emailTemplateVersions)
    .leftJoin(users, eq(users.id, emailTemplateVersions.publishedBy))
    .where(and(eq(emailTemplateVersions.workspaceId, workspaceId), eq(emailTemplateVersions.templateId, id), eq(emailTemplateVersions.version, version)));
  if (!row) throw new TemplateError('not-found', `"${id}" has no version ${version}: pick one from its history`);
  return { version: row.version, content: row.content, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy ?? null };
}

/** Puts a published version back into the draft (a new revision); publishing it makes it live again. */
export async function restoreTemplateVersion(db: Database, restore: { workspaceId: string; id: string; version: number; userId: string | null }): Promise<{ revision: number }> {
  const { content } = await templateVersion(db, restore.workspaceId, restore.id, restore.version);
  const [saved] = await db
    .update(emailTemplates)
    .set({ draft: content, revision: sql`${emailTemplates.revision} + 1`, updatedBy: restore.userId, updatedAt: sql`now()` })
    .where(ofItem(restore.workspaceId, restore.id))
    .returning({ revision: emailTemplates.revision });
  return { revision: saved!.revision };
}

/**
 * Takes an item out of use. Refused while something sends it: a template named by a journey's
 * live version (naming the journeys), a layout or partial reached by a live template (naming
 * the templates). Publishing it again brings it back.
 */
export async function archiveTemplate(db: Database, workspaceId: string, id: string): Promise<{ id: string; archivedAt: string }> {
  const row = await requireItem(db, workspaceId, id);
  if (row.kind === 'template') {
    const journeyIds = (await journeysByTemplate(db, workspaceId)).get(id) ?? [];
    if (journeyIds.length > 0) {
      throw new TemplateError('in-use', `the template "${id}" is sent by the live version of ${list('journey', journeyIds)}: remove it from ${journeyIds.length === 1 ? 'that journey' : 'those journeys'} (or archive them) first`);
    }
  } else {
    const library = await liveLibrary(db, workspaceId);
    const dependents = [...library.items.values()].filter((item) => item.kind === 'template' && reachedItems(item, library).has(id)).map((item) => item.id);
    if (dependents.length > 0) {
      throw new TemplateError('in-use', `the ${row.kind} "${id}" is used by the live ${list('template', dependents)}: change ${dependents.length === 1 ? 'it' : 'them'} first`);
    }
  }
  const [archived] = await db.update(emailTemplates).set({ archivedAt: sql`now()`, updatedAt: sql`now()` }).where(ofItem(workspaceId, id)).returning({ archivedAt: emailTemplates.archivedAt });
  return { id, archivedAt: archived!.archivedAt!.toISOString() };
}

async function requireItem(db: Database, workspaceId: string, id: string) {
  const [row] = await db.select().from(emailTemplates).where(ofItem(workspaceId, id));
  if (!row) throw new TemplateError('not-found', `there is no template, layout or partial "${id}"`);
  return row;
}

async function conflictMessage(db: Database, workspaceId: string, id: string): Promise<string> {
  const [current] = await db
    .select({ revision: emailTemplates.revision, updatedAt: emailTemplates.updatedAt, email: users.email })
    .from(emailTemplates)
    .leftJoin(users, eq(users.id, emailTemplates.updatedBy))
    .where(ofItem(workspaceId, id));
  if (!current) return `"${id}" no longer exists: reload the library`;
  const at = current.updatedAt.toISOString().replace('T', ' ').slice(0, 16);
  return `Someone saved "${id}" after you opened it (revision ${current.revision}, ${at} UTC${current.email ? ` by ${current.email}` : ' with an API token'}). Reload to see their changes.`;
}

function list(noun: string, names: string[]): string {
  return `${noun}${names.length === 1 ? '' : 's'} ${names.map((name) => `"${name}"`).join(', ')}`;
}
