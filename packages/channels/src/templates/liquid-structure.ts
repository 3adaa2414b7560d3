/**
 * What the checks need to know of a source's Liquid without running it: where its markup is,
 * the layout it names, and its blocks. Literal names only (`{% layout 'base' %}`), which is how
 * layouts are written; a computed name is found when the template renders.
 */

const markup = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * The source with every Liquid tag and output (and comment) turned into spaces, newlines kept:
 * the same length and the same lines, so what MJML says of line N is the author's line N.
 */
export function blankLiquid(source: string): string {
  return source.replace(markup, (found) => found.replace(/[^\n]/g, ' '));
}

/** Whether a line holds Liquid markup (an attribute value there is only known when it renders). */
export function hasLiquid(line: string): boolean {
  return /\{\{|\{%/.test(line);
}

const layoutTag = /\{%-?\s*layout\s+(['"])([^'"]+)\1/;

/** The layout a template names (`{% layout 'base' %}`), if any. */
export function layoutOf(source: string): string | undefined {
  return layoutTag.exec(withoutComments(source))?.[2];
}

export interface BlockRegion {
  name: string;
  /** Offset of the `{% block %}` tag, of its content's first character, and of its `{% endblock %}`. */
  tag: number;
  start: number;
  end: number;
}

const blockTags = /\{%-?\s*(block|endblock)\b\s*([\w-]*)[^%]*%\}/g;

/** The outermost `{% block name %}…{% endblock %}` regions of a source, in order. */
export function blockRegions(source: string): BlockRegion[] {
  const regions: BlockRegion[] = [];
  let depth = 0;
  let open: { name: string; tag: number; start: number } | null = null;
  for (const match of source.matchAll(blockTags)) {
    if (match[1] === 'block') {
      if (depth++ === 0) open = { name: match[2] ?? '', tag: match.index, start: match.index + match[0].length };
    } else if (depth > 0 && --depth === 0 && open) {
      regions.push({ ...open, end: match.index });
      open = null;
    }
  }
  return regions;
}

/** 1-based line and column of an offset in a source. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Every block a source defines, nested ones too (what a template using it as a layout may fill). */
export function blockNames(source: string): string[] {
  return [...source.matchAll(blockTags)].filter((match) => match[1] === 'block').map((match) => match[2] ?? '');
}

const partialTag = /\{%-?\s*(?:render|include)\s+(['"])([^'"]+)\1/g;

/** The partials a source renders or includes by name. */
export function partialsOf(source: string): string[] {
  return [...withoutComments(source).matchAll(partialTag)].map((match) => match[2]!);
}

function withoutComments(source: string): string {
  return source.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '');
}
