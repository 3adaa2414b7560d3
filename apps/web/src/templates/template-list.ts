import type { TemplateKind, TemplateSummary } from './template-types';

/** The kinds in the order the library lists them, each with how the console names it. */
export const kindNames: Record<TemplateKind, { one: string; many: string; what: string }> = {
  template: { one: 'template', many: 'Templates', what: 'An email a journey sends: subject, body and text part.' },
  layout: { one: 'layout', many: 'Layouts', what: "The frame templates sit in ({% layout 'base' %}), with blocks they fill." },
  partial: { one: 'partial', many: 'Partials', what: "A piece templates share ({% render 'footer' %}): a header, a footer, a product block." },
};
export const kindOrder: readonly TemplateKind[] = ['template', 'layout', 'partial'];

export interface LibraryGroup {
  kind: TemplateKind;
  items: TemplateSummary[];
}

/**
 * The library as the list shows it: templates, layouts and partials in their own groups (empty
 * groups left out), in the server's order (by name); archived items apart, last.
 */
export function libraryGroups(items: readonly TemplateSummary[]): { groups: LibraryGroup[]; archived: TemplateSummary[] } {
  const groups = kindOrder
    .map((kind) => ({ kind, items: items.filter((item) => item.kind === kind && item.archivedAt === null) }))
    .filter((group) => group.items.length > 0);
  return { groups, archived: items.filter((item) => item.archivedAt !== null) };
}

/** "v3 live", "not published yet" or "archived (was v2)". */
export function liveText(item: Pick<TemplateSummary, 'liveVersion' | 'archivedAt'>): string {
  if (item.archivedAt !== null) return item.liveVersion === null ? 'archived' : `archived (was v${item.liveVersion})`;
  return item.liveVersion === null ? 'not published yet' : `v${item.liveVersion} live`;
}

/**
 * What a journey's publish checks against (as the server's templateAvailability): templates
 * that are not archived, and whether each has a live version. Layouts and partials cannot be sent.
 */
export function templateAvailability(items: readonly TemplateSummary[]): { id: string; live: boolean }[] {
  return items.filter((item) => item.kind === 'template' && item.archivedAt === null).map((item) => ({ id: item.id, live: item.liveVersion !== null }));
}
