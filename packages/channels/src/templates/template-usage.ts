import { and, eq, isLiveVersion, journeys, journeyVersions, ne, type Database } from '@tend/db';
import { layoutOf, partialsOf } from './liquid-structure.js';
import type { LibraryItem, TemplateLibrary } from './template-library.js';

/** The layouts and partials an item reaches by name, through each other too (a footer in the layout, a partial in a partial). */
export function reachedItems(item: LibraryItem, library: TemplateLibrary): Set<string> {
  const reached = new Set<string>();
  const visit = (source: string) => {
    const names = [...partialsOf(source)];
    const layout = layoutOf(source);
    if (layout !== undefined) names.push(layout);
    for (const name of names) {
      if (reached.has(name)) continue;
      reached.add(name);
      const next = library.items.get(name);
      if (next) visit(next.content.body);
    }
  };
  visit(item.content.body);
  return reached;
}

/** For each library template a journey's live version sends, the ids of those journeys (archived journeys run nothing). */
export async function journeysByTemplate(db: Database, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ journeyId: journeys.id, graph: journeyVersions.graph })
    .from(journeys)
    .innerJoin(journeyVersions, isLiveVersion)
    .where(and(eq(journeys.workspaceId, workspaceId), ne(journeys.status, 'archived')));
  const usage = new Map<string, string[]>();
  for (const { journeyId, graph } of rows) {
    const named = new Set<string>();
    for (const node of graph.nodes ?? []) {
      const template = node.type === 'send-email' ? node.data?.template : undefined;
      if (typeof template === 'string' && template) named.add(template);
    }
    for (const template of named) usage.set(template, [...(usage.get(template) ?? []), journeyId]);
  }
  return usage;
}

/**
 * The journeys that send each item of the library: a template's own, and for a layout or partial
 * the journeys of every live template that reaches it.
 */
export function journeysByItem(library: TemplateLibrary, byTemplate: Map<string, string[]>): Map<string, string[]> {
  const usage = new Map<string, Set<string>>();
  const add = (id: string, journeyIds: string[]) => {
    const set = usage.get(id) ?? new Set<string>();
    for (const journeyId of journeyIds) set.add(journeyId);
    usage.set(id, set);
  };
  for (const [templateId, journeyIds] of byTemplate) {
    add(templateId, journeyIds);
    const template = library.items.get(templateId);
    if (template?.kind === 'template') for (const reached of reachedItems(template, library)) add(reached, journeyIds);
  }
  return new Map([...usage].map(([id, journeyIds]) => [id, [...journeyIds].sort()]));
}
