import {
  checkTemplate,
  libraryItem,
  liveLibrary,
  renderTemplate,
  templateScope,
  withItem,
  type LibraryItem,
  type TemplateContact,
  type TemplateContent,
  type TemplateKind,
  type TemplateProblem,
} from '@tend/channels';
import type { Database } from '@tend/db';
import { contactFor, sampleEvent } from './message-render.js';

export interface TemplatePreviewRequest {
  id: string;
  kind: TemplateKind;
  /** The draft as the editor holds it (saved or not). */
  draft: TemplateContent;
  /** A contact of the workspace (id or user id); else `sample.traits` stands in for one. */
  contactId?: string | null;
  /** `{ traits?, userId?, event?: { name?, properties? } }`, as the message preview takes it. */
  sample?: Record<string, unknown>;
}

export type TemplatePreview =
  | { ok: true; subject: string; html: string; text: string; preheader: string; contact: TemplateContact }
  | { ok: false; problems: TemplateProblem[] };

/** An id no library item can have (ids are slugs): the sample email a layout or partial is shown in. */
const sampleId = '__preview__';

/**
 * Renders a draft (not saved) in the context of the live library, with the renderer sends use:
 * a template as itself, a layout around a line of sample content, a partial inside a sample
 * email. Only a draft that cannot render answers with problems; MJML warnings do not stop a
 * preview (saving shows them).
 */
export async function previewTemplate(db: Database, workspaceId: string, request: TemplatePreviewRequest): Promise<TemplatePreview> {
  const draft = libraryItem(request.id, request.kind, request.draft);
  const [library, contact] = await Promise.all([liveLibrary(db, workspaceId, { id: request.id }), contactFor(db, workspaceId, request)]);
  const withDraft = withItem(library, draft);
  const shown = request.kind === 'template' ? draft : sampleEmail(draft);
  const variables = { ...templateScope(contact, sampleEvent(request.sample)), unsubscribe_url: '#unsubscribe', preferences_url: '#preferences' };
  try {
    const email = await renderTemplate(shown === draft ? withDraft : withItem(withDraft, shown), shown.id, variables, { cache: false });
    return { ok: true, ...email, contact };
  } catch (error) {
    const problems = await checkTemplate(draft, library);
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    return { ok: false, problems: problems.length > 0 ? problems : [{ template: request.id, field: 'body', message: `it cannot be rendered for this contact: ${message}` }] };
  }
}

/** A small email that shows a layout or partial: a layout filled with a line of text, a partial inside a body. */
function sampleEmail(item: LibraryItem): LibraryItem {
  const { format } = item.content;
  const subject = `Preview of the ${item.kind} "${item.id}"`;
  if (item.kind === 'layout') {
    // `content` by convention; else the first block (a layout's head block takes no content).
    const blocks = [...item.content.body.matchAll(/\{%-?\s*block\s+([\w-]+)/g)].map((match) => match[1]!);
    const block = blocks.includes('content') ? 'content' : (blocks[0] ?? 'content');
    const line = format === 'mjml' ? '<mj-section><mj-column><mj-text>The email’s content goes here.</mj-text></mj-column></mj-section>' : '<p>The email’s content goes here.</p>';
    return libraryItem(sampleId, 'template', { format, subject, body: `{% layout '${item.id}' %}{% block ${block} %}${line}{% endblock %}` });
  }
  if (format === 'html') return libraryItem(sampleId, 'template', { format, subject, body: `{% render '${item.id}' %}` });
  // A partial of sections goes in the body; one of column content (text, a button) in a column.
  const first = /<(mj-[a-z-]+)/.exec(item.content.body.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ''))?.[1];
  const inBody = first === undefined || ['mj-section', 'mj-wrapper', 'mj-hero', 'mj-raw'].includes(first);
  const render = `{% render '${item.id}' %}`;
  return libraryItem(sampleId, 'template', { format, subject, body: `<mjml><mj-body>${inBody ? render : `<mj-section><mj-column>${render}</mj-column></mj-section>`}</mj-body></mjml>` });
}
