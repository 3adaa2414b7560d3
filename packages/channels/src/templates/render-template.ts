import type { Template } from 'liquidjs';
import mjml2html from 'mjml';
import type { TemplateScope } from '../template.js';
import { BoundedCache } from './bounded-cache.js';
import { libraryEngines, type LibraryEngines } from './liquid-engines.js';
import { htmlToText } from './plain-text.js';
import { withPreheader } from './preheader.js';
import { libraryFingerprint, type LibraryItem, type TemplateLibrary } from './template-library.js';

/** What a template reads: {{ contact.* }}, {{ event.* }} and the recipient's own links. */
export interface TemplateVariables extends TemplateScope {
  unsubscribe_url: string;
  preferences_url: string;
}

export interface RenderedTemplate {
  subject: string;
  html: string;
  text: string;
  preheader: string;
}

export interface RenderTemplateOptions {
  /**
   * Reuse parsed templates (default true): a send then parses nothing it parsed before. False
   * parses everything again, as a baseline (the benchmark prints both).
   */
  cache?: boolean;
}

/** A template's fields parsed by the engines of the library it was parsed against. */
interface Compiled {
  engines: LibraryEngines;
  subject: Template[];
  body: Template[];
  text: Template[] | null;
  preheader: Template[];
}

// Keyed by content hashes, never by a name: a publish makes new keys, so it is seen at once, and
// what no send uses any more falls out. Engines are per library; compiled items per library and item.
const engineCache = new BoundedCache<LibraryEngines>(100);
const compiledCache = new BoundedCache<Compiled>(500);

/** Forgets every compiled template (tests and the benchmark start cold with it). */
export function clearTemplateCache(): void {
  engineCache.clear();
  compiledCache.clear();
}

/**
 * Renders a template of the library for one recipient: Liquid first, over the library's
 * layouts and partials, then MJML when the template is MJML (MJML first would drop Liquid
 * control flow between sections), then the preheader; the text part is the template's own or
 * derived from the final HTML. Throws when a render fails (a filter on bad data, a missing
 * partial): publish's check makes that rare.
 *
 * @example
 * const email = await renderTemplate(library, 'welcome', { ...templateScope(contact), unsubscribe_url, preferences_url });
 */
export async function renderTemplate(library: TemplateLibrary, templateId: string, variables: TemplateVariables, options: RenderTemplateOptions = {}): Promise<RenderedTemplate> {
  const item = library.items.get(templateId);
  if (!item || item.kind !== 'template') throw new Error(`there is no email template "${templateId}"`);
  const liquid = await renderLiquid(library, item, variables, options.cache ?? true);
  const preheader = liquid.preheader.trim();
  const html = withPreheader(item.content.format === 'mjml' ? await mjmlToHtml(liquid.body) : liquid.body, preheader);
  return { subject: liquid.subject.trim(), html, text: liquid.text?.trim() || htmlToText(html), preheader };
}

/** The Liquid step alone: each field rendered, the body with its layout and partials (MJML still to compile). */
async function renderLiquid(library: TemplateLibrary, item: LibraryItem, variables: TemplateVariables, cache: boolean) {
  const compiled = compile(library, item, cache);
  const { html, plain } = compiled.engines;
  // Globals reach layouts and partials too: `{% render %}` gives a partial only what it is passed.
  const render = (engine: typeof plain, parsed: Template[]) => engine.render(parsed, variables, { globals: variables }) as Promise<string>;
  const [subject, body, text, preheader] = await Promise.all([
    render(plain, compiled.subject),
    render(html, compiled.body),
    compiled.text ? render(plain, compiled.text) : null,
    render(plain, compiled.preheader),
  ]);
  return { subject, body, text, preheader };
}

/** MJML to email HTML. `mj-include` would read files on the server: library items share through partials instead. */
async function mjmlToHtml(source: string): Promise<string> {
  return (await mjml2html(source, { validationLevel: 'soft', ignoreIncludes: true })).html;
}

function compile(library: TemplateLibrary, item: LibraryItem, cache: boolean): Compiled {
  const fingerprint = libraryFingerprint(library);
  const key = `${library.workspaceId}\0${fingerprint}\0${item.id}\0${item.hash}`;
  const cached = cache ? compiledCache.get(key) : undefined;
  if (cached) return cached;
  const enginesKey = `${library.workspaceId}\0${fingerprint}`;
  const engines = (cache ? engineCache.get(enginesKey) : undefined) ?? libraryEngines(library);
  if (cache) engineCache.set(enginesKey, engines);
  const { subject, body, text, preheader } = item.content;
  const compiled: Compiled = {
    engines,
    subject: engines.plain.parse(subject ?? ''),
    body: engines.html.parse(body),
    text: text?.trim() ? engines.plain.parse(text) : null,
    preheader: engines.plain.parse(preheader ?? ''),
  };
  if (cache) compiledCache.set(key, compiled);
  return compiled;
}
