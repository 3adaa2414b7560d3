/** The fields of a library item a problem can point at. */
export type TemplateField = 'subject' | 'body' | 'text' | 'preheader';

/** One reason a library item cannot be published, pointing at the item, the field and (when known) the line and column. */
export interface TemplateProblem {
  /** The item at fault, by id. */
  template: string;
  field: TemplateField;
  /** 1-based, in the field's own source. */
  line?: number;
  column?: number;
  message: string;
}

/** "welcome, line 12, column 7: Element mj-textt doesn't exist or is not registered"; other fields than the body are named. */
export function formatTemplateProblem(problem: TemplateProblem): string {
  const where = [
    problem.field === 'body' ? problem.template : `${problem.template} (${problem.field})`,
    problem.line !== undefined ? `line ${problem.line}` : undefined,
    problem.column !== undefined ? `column ${problem.column}` : undefined,
  ].filter(Boolean);
  return `${where.join(', ')}: ${problem.message}`;
}

// liquidjs ends its messages with the place, after the file when it is not the source itself:
// "undefined filter: upcse, file:/partials/footer, line:3, col:12".
const liquidPlace = /(?:,\s*file:\/(layouts|partials)\/([^,]+))?,\s*line:(\d+),\s*col:(\d+)\s*$/;

/**
 * A liquidjs error as a problem: the message without its place, and the place as line and
 * column, unless it is in a layout or partial the source uses (then the message names it).
 * `unpublished`: items that exist as drafts only, so a failed lookup can say to publish them.
 */
export function liquidProblem(template: string, field: TemplateField, error: unknown, unpublished: ReadonlySet<string> = new Set()): TemplateProblem {
  const raw = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const place = liquidPlace.exec(raw);
  const message = explainLookup(raw.replace(liquidPlace, ''), unpublished);
  if (!place) return { template, field, message };
  const [, root, file, line, column] = place;
  if (file) return { template, field, message: `in the ${root === 'layouts' ? 'layout' : 'partial'} "${file}", line ${line}, column ${column}: ${message}` };
  return { template, field, line: Number(line), column: Number(column), message };
}

// Our library file system's roots (see library-fs.ts): a lookup that fails names one of them.
const failedLookup = /^ENOENT: Failed to lookup "([^"]*)" in "\/(layouts|partials)"$/;

/** liquidjs says `ENOENT: Failed to lookup "footer" in "/partials"`: say what is missing and what to do. */
function explainLookup(message: string, unpublished: ReadonlySet<string>): string {
  const lookup = failedLookup.exec(message);
  if (!lookup) return message;
  const [, name = '', root] = lookup;
  const what = root === 'layouts' ? 'layout' : 'partial';
  if (unpublished.has(name)) return `the ${what} "${name}" is not published yet: publish it first`;
  return `there is no published ${what} "${name}": create and publish it under Templates, or fix the name`;
}
