import mjml2html from 'mjml';
import { blankLiquid, blockRegions, hasLiquid, layoutOf } from './liquid-structure.js';
import type { TemplateProblem } from './template-problem.js';
import type { LibraryItem, TemplateLibrary } from './template-library.js';

interface MjmlError {
  line?: number;
  message: string;
  tagName?: string;
}

/** Where a fragment sits when its parent is not known: MJML then judges only its elements and attributes. */
const unknownParent = ['mjml', 'mj-body'];

/**
 * MJML's validation of an item's body, at the author's lines: Liquid markup is blanked out
 * first (same lines, same columns), so MJML reads the source as written. A layout, or a template
 * without one, is a whole document. A template filling a layout's blocks is checked block by
 * block, each inside the elements that enclose that block in the layout. A partial can be used
 * anywhere, so only unknown elements and attributes count for it, not where it is put.
 */
export async function mjmlProblems(item: LibraryItem, library: TemplateLibrary): Promise<TemplateProblem[]> {
  const source = item.content.body;
  const blank = blankLiquid(source);
  const layoutName = item.kind === 'template' ? layoutOf(source) : undefined;
  if (item.kind === 'partial') return validate(item, source, blank, unknownParent, false);
  if (layoutName === undefined) {
    if (!/<mjml[\s>]/.test(blank)) {
      const message =
        item.kind === 'layout'
          ? 'a layout is a whole MJML document: <mjml><mj-body>…{% block content %}{% endblock %}…</mj-body></mjml>'
          : "an MJML template is a whole <mjml> document, or fills a layout's blocks: start it with {% layout 'base' %}";
      return [{ template: item.id, field: 'body', line: 1, column: 1, message }];
    }
    return validate(item, source, blank, [], true);
  }
  const layout = library.items.get(layoutName);
  const problems: TemplateProblem[] = [];
  for (const region of blockRegions(source)) {
    // Only this block's content, in place: the rest of the source becomes spaces (newlines kept).
    const masked = blankOutside(blank, region.start, region.end);
    const chain = layout?.kind === 'layout' ? enclosingElements(layout.content.body, region.name) : undefined;
    problems.push(...(await validate(item, source, masked, chain ?? unknownParent, chain !== undefined)));
  }
  return problems;
}

async function validate(item: LibraryItem, source: string, blank: string, wrappers: string[], parentKnown: boolean): Promise<TemplateProblem[]> {
  // The wrapping elements go on line 1 and at the end: no line moves.
  const opening = wrappers.map((tag) => `<${tag}>`).join('');
  const closing = wrappers.map((tag) => `</${tag}>`).reverse().join('');
  let errors: MjmlError[];
  try {
    errors = (await mjml2html(opening + blank + closing, { validationLevel: 'soft', ignoreIncludes: true })).errors;
  } catch (error) {
    return [{ template: item.id, field: 'body', message: `MJML cannot read this: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` }];
  }
  const lines = source.split('\n');
  return errors.filter((error) => counts(error, lines, parentKnown)).map((error) => ({ template: item.id, field: 'body' as const, ...placeOf(error, lines), message: error.message }));
}

/** Whether an error is the author's: not a misplacement where the parent is unknown, nor a value only Liquid fills in. */
function counts(error: MjmlError, lines: string[], parentKnown: boolean): boolean {
  if (!parentKnown && /cannot be used inside/.test(error.message)) return false;
  const line = error.line === undefined ? undefined : lines[error.line - 1];
  if (line !== undefined && hasLiquid(line) && /has invalid value/.test(error.message)) return false;
  return true;
}

/** MJML gives a line; the column is where the element (or the attribute it names) starts on it. */
function placeOf(error: MjmlError, lines: string[]): { line?: number; column?: number } {
  if (error.line === undefined) return {};
  const text = lines[error.line - 1] ?? '';
  const attribute = /^Attribute (\S+)/.exec(error.message)?.[1];
  const at = attribute ? text.search(new RegExp(`\\s${escapeRegExp(attribute)}\\s*=`)) + 1 : -1;
  const tag = error.tagName ? text.indexOf(`<${error.tagName}`) : -1;
  const column = at > 0 ? at : tag;
  return column >= 0 ? { line: error.line, column: column + 1 } : { line: error.line };
}

/** The MJML elements that enclose `{% block name %}` in a layout, outermost first; undefined when it has no such block. */
function enclosingElements(layoutBody: string, blockName: string): string[] | undefined {
  const region = blockRegions(layoutBody).find((candidate) => candidate.name === blockName);
  const offset = region?.tag ?? new RegExp(`\\{%-?\\s*block\\s+${escapeRegExp(blockName)}\\b`).exec(layoutBody)?.index;
  if (offset === undefined) return undefined;
  const stack: string[] = [];
  for (const match of blankLiquid(layoutBody).slice(0, offset).matchAll(/<(\/?)(mjml|mj-[a-z-]+)\b[^>]*?(\/?)>/g)) {
    const [, closing, tag, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) {
      const index = stack.lastIndexOf(tag!);
      if (index >= 0) stack.length = index;
    } else stack.push(tag!);
  }
  return stack;
}

function blankOutside(blank: string, start: number, end: number): string {
  const spaces = (text: string) => text.replace(/[^\n]/g, ' ');
  return spaces(blank.slice(0, start)) + blank.slice(start, end) + spaces(blank.slice(end));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
