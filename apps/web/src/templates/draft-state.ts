import type { TemplateContent, TemplateKind } from './template-types';

/** The optional text fields of a library item; empty means absent (the template's default). */
export type OptionalField = 'subject' | 'preheader' | 'text';

/** The draft with `field` set to `value`; an empty optional field is left out, as the server stores it. */
export function withField(draft: TemplateContent, field: OptionalField | 'body', value: string): TemplateContent {
  if (field === 'body') return { ...draft, body: value };
  const next: TemplateContent = { ...draft };
  if (value === '') delete next[field];
  else next[field] = value;
  return next;
}

/** The fields that count, in a fixed shape: absent and empty are the same, and only a template has a subject. */
function normalised(content: TemplateContent, kind: TemplateKind) {
  return {
    subject: kind === 'template' ? content.subject || '' : '',
    format: content.format,
    body: content.body,
    text: content.text || '',
    preheader: content.preheader || '',
  };
}

/** Whether two drafts would send the same email (what autosave and "unpublished changes" compare). */
export function sameContent(a: TemplateContent, b: TemplateContent, kind: TemplateKind): boolean {
  const left = normalised(a, kind);
  const right = normalised(b, kind);
  return left.subject === right.subject && left.format === right.format && left.body === right.body && left.text === right.text && left.preheader === right.preheader;
}

/** What the editor keeps and autosaves: the item's name and its draft. */
export interface EditedItem {
  name: string;
  draft: TemplateContent;
}

export function sameEdit(a: EditedItem, b: EditedItem, kind: TemplateKind): boolean {
  return a.name.trim() === b.name.trim() && sameContent(a.draft, b.draft, kind);
}

export type DraftStatus = 'never-published' | 'unpublished-changes' | 'same-as-live';

/** Where the draft stands against the live version (`live` null: none, or not loaded yet: `undefined`). */
export function draftStatus(draft: TemplateContent, live: TemplateContent | null | undefined, kind: TemplateKind): DraftStatus | null {
  if (live === undefined) return null;
  if (live === null) return 'never-published';
  return sameContent(draft, live, kind) ? 'same-as-live' : 'unpublished-changes';
}

export const draftStatusText: Record<DraftStatus, string> = {
  'never-published': 'Not published yet: journeys cannot send it',
  'unpublished-changes': 'The draft has unpublished changes',
  'same-as-live': 'The draft is the live version',
};
