import type { Liquid, Template } from 'liquidjs';
import mjml2html from 'mjml';
import { libraryEngines } from './liquid-engines.js';
import { blockNames, blockRegions, layoutOf, positionOf } from './liquid-structure.js';
import { mjmlProblems } from './mjml-problems.js';
import type { TemplateVariables } from './render-template.js';
import { withItem, type LibraryItem, type TemplateLibrary } from './template-library.js';
import { liquidProblem, type TemplateField, type TemplateProblem } from './template-problem.js';

/** The recipient a check renders for: nobody in particular, so every variable is missing. */
const emptySample: TemplateVariables = {
  contact: { id: 'sample', userId: null, email: null },
  event: {},
  unsubscribe_url: 'https://example.invalid/unsubscribe',
  preferences_url: 'https://example.invalid/preferences',
};

/**
 * Every reason an item cannot be published, in the context of `library` (the live library; the
 * item replaces its own entry): (1) Liquid that does not parse, at its line and column; (2) for
 * MJML, what MJML's validation says of the source, at the author's lines (see mjmlProblems);
 * (3) a render for an empty sample contact with the library's layouts and partials, which must
 * succeed: a missing partial or layout, a block the layout does not have, or an element that
 * the assembled email puts where MJML does not allow it. Never throws.
 */
export async function checkTemplate(item: LibraryItem, library: TemplateLibrary): Promise<TemplateProblem[]> {
  const { id, kind, content } = item;
  const problems: TemplateProblem[] = [];
  if (kind === 'template' && !content.subject?.trim()) problems.push({ template: id, field: 'subject', message: 'write a subject line' });
  if (!content.body.trim()) return [...problems, { template: id, field: 'body', message: 'write the body' }];

  const withDraft = withItem(library, item);
  const engines = libraryEngines(withDraft);
  const fields: [TemplateField, string | undefined, Liquid][] = [
    ['subject', kind === 'template' ? content.subject : undefined, engines.plain],
    ['body', content.body, engines.html],
    ['text', content.text, engines.plain],
    ['preheader', content.preheader, engines.plain],
  ];
  const parsed = new Map<TemplateField, { engine: Liquid; templates: Template[] }>();
  for (const [field, source, engine] of fields) {
    if (!source) continue;
    try {
      parsed.set(field, { engine, templates: engine.parse(source) });
    } catch (error) {
      problems.push(liquidProblem(id, field, error));
    }
  }
  if (!parsed.has('body')) return problems;

  if (content.format === 'mjml') problems.push(...(await mjmlProblems(item, withDraft)));
  const layoutProblems = kind === 'template' ? blockProblems(item, withDraft) : kind === 'layout' ? layoutBlockProblems(item) : [];
  problems.push(...layoutProblems);
  if (layoutProblems.length > 0) return problems;

  for (const [field, { engine, templates }] of parsed) {
    let output: string;
    try {
      output = (await engine.render(templates, emptySample, { globals: emptySample })) as string;
    } catch (error) {
      problems.push(liquidProblem(id, field, error, withDraft.unpublished));
      continue;
    }
    // A partial can be put where MJML does not allow it: only the assembled email shows that.
    if (field === 'body' && kind === 'template' && content.format === 'mjml' && problems.length === 0) problems.push(...(await assembledProblems(id, output)));
  }
  return problems;
}

/** A template's blocks must be blocks of its layout (liquidjs drops the others without a word), and formats must agree. */
function blockProblems(item: LibraryItem, library: TemplateLibrary): TemplateProblem[] {
  const name = layoutOf(item.content.body);
  const layout = name === undefined ? undefined : library.items.get(name);
  // A missing layout is the render's to report, naming it.
  if (!layout || layout.kind !== 'layout') return [];
  if (layout.content.format !== item.content.format) {
    return [{ template: item.id, field: 'body', message: `the layout "${layout.id}" is ${layout.content.format.toUpperCase()} and this template is ${item.content.format.toUpperCase()}: use a layout of the same format` }];
  }
  const offered = new Set(layoutBlocks(layout, library));
  return blockRegions(item.content.body)
    .filter((region) => !offered.has(region.name))
    .map((region) => ({
      template: item.id,
      field: 'body' as const,
      ...positionOf(item.content.body, region.tag),
      message: `the layout "${layout.id}" has no block "${region.name}": ${offered.size > 0 ? `fill one of its blocks (${[...offered].join(', ')})` : 'add {% block ' + region.name + ' %}{% endblock %} to the layout'}`,
    }));
}

/** The blocks a layout offers, with those of the layout it sits in (layouts can nest). */
function layoutBlocks(layout: LibraryItem, library: TemplateLibrary, seen = new Set<string>()): string[] {
  if (seen.has(layout.id)) return [];
  seen.add(layout.id);
  const parentName = layoutOf(layout.content.body);
  const parent = parentName === undefined ? undefined : library.items.get(parentName);
  return [...blockNames(layout.content.body), ...(parent?.kind === 'layout' ? layoutBlocks(parent, library, seen) : [])];
}

function layoutBlockProblems(item: LibraryItem): TemplateProblem[] {
  if (blockNames(item.content.body).length > 0) return [];
  return [{ template: item.id, field: 'body', message: 'a layout needs a block for templates to fill: add {% block content %}{% endblock %} where their content goes' }];
}

/** Misplaced elements in the email as assembled from the template, its layout and its partials. */
async function assembledProblems(id: string, assembled: string): Promise<TemplateProblem[]> {
  try {
    const { errors } = await mjml2html(assembled, { validationLevel: 'soft', ignoreIncludes: true });
    return errors
      .filter((error) => /cannot be used inside/.test(error.message))
      .map((error) => ({ template: id, field: 'body' as const, message: `once assembled with its layout and partials: ${error.message}` }));
  } catch (error) {
    return [{ template: id, field: 'body', message: `once assembled with its layout and partials, MJML cannot read it: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` }];
  }
}
