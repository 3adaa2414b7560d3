import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.js';

/** What one library item holds: MJML (or plain HTML) with Liquid, and for a template its subject. */
export interface TemplateContent {
  /** A template's subject line (Liquid); layouts and partials have none. */
  subject?: string;
  /** `mjml`: a responsive MJML document or fragment; `html`: HTML as written. */
  format: 'mjml' | 'html';
  /** The source: MJML or HTML with Liquid. */
  body: string;
  /** A plain-text part (Liquid); derived from the HTML when absent. */
  text?: string;
  /** The preview line inbox lists show after the subject. */
  preheader?: string;
}

/**
 * The email library of a workspace: templates, the layouts they sit in and the partials (a
 * header, a footer, a product block) they share. Each item has a working draft and append-only
 * published versions; sends use the live version, so fixing a template fixes every journey that
 * uses it, and each send records the version it used.
 */
export const emailTemplates = pgTable(
  'email_templates',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    /** A slug ("welcome", "footer"): partials and layouts are named by it in Liquid. */
    id: text('id').notNull(),
    kind: text('kind', { enum: ['template', 'layout', 'partial'] }).notNull(),
    name: text('name').notNull(),
    draft: jsonb('draft').$type<TemplateContent>().notNull(),
    /** Goes up by one on every save: a stale save is refused, as journey drafts are. */
    revision: integer('revision').notNull().default(1),
    /** The version sends use; null until first published. */
    liveVersion: integer('live_version'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    updatedBy: text('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/** Append-only: a published version never changes. */
export const emailTemplateVersions = pgTable(
  'email_template_versions',
  {
    workspaceId: text('workspace_id').notNull(),
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<TemplateContent>().notNull(),
    hash: text('hash').notNull(),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.templateId, table.version] })],
);
