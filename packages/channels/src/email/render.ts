import type { SendEmailConfig } from '@tend/journey';
import { Liquid } from 'liquidjs';
import { templateScope, type TemplateContact, type TemplateEvent } from '../template.js';
import { htmlToText } from '../templates/plain-text.js';
import { renderTemplate, type TemplateVariables } from '../templates/render-template.js';
import { libraryItem, withItem, type TemplateLibrary } from '../templates/template-library.js';
import type { UnsubscribeLinks } from './unsubscribe-token.js';

export type { TemplateContact } from '../template.js';
export { htmlToText } from '../templates/plain-text.js';

const liquid = new Liquid({ strictFilters: true, outputEscape: 'escape' });
const plainLiquid = new Liquid({ strictFilters: true });

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The library template and version it was rendered from, when the node names one. */
  template?: { id: string; version: number | null };
}

/**
 * Renders an email's subject and parts. `links` fill in {{ unsubscribe_url }} and
 * {{ preferences_url }}; without them (a preview) they render empty. A node naming a library
 * `template` renders it from `library` (its live version, with layouts and partials; see
 * renderTemplate), the node's non-empty subject, body and text overriding the template's.
 */
export async function renderEmail(
  config: SendEmailConfig,
  contact: TemplateContact,
  event?: TemplateEvent,
  links?: UnsubscribeLinks,
  library?: TemplateLibrary,
): Promise<RenderedEmail> {
  const variables: TemplateVariables = { ...templateScope(contact, event), unsubscribe_url: links?.unsubscribeUrl ?? '', preferences_url: links?.preferencesUrl ?? '' };
  if (config.template) return renderFromLibrary(config, config.template, library, variables);
  // HTML output escapes values (a first name of "<b>" stays text); the subject is plain text.
  const [subject, html, text] = await Promise.all([
    plainLiquid.parseAndRender(config.subject, variables),
    liquid.parseAndRender(config.html, variables),
    config.text ? plainLiquid.parseAndRender(config.text, variables) : undefined,
  ]);
  return { subject: subject.trim(), html, text: text?.trim() || htmlToText(html) };
}

async function renderFromLibrary(config: SendEmailConfig, templateId: string, library: TemplateLibrary | undefined, variables: TemplateVariables): Promise<RenderedEmail> {
  const template = library?.items.get(templateId);
  if (!library || template?.kind !== 'template') throw new Error(`there is no published email template "${templateId}"`);
  const overrides = { subject: config.subject.trim(), html: config.html.trim(), text: config.text?.trim() };
  let item = template;
  if (overrides.subject || overrides.html || overrides.text) {
    const content = { ...template.content };
    if (overrides.subject) content.subject = config.subject;
    if (overrides.html) Object.assign(content, { format: 'html', body: config.html });
    if (overrides.text) content.text = config.text;
    item = { ...libraryItem(template.id, 'template', content), version: template.version };
  }
  const rendered = await renderTemplate(item === template ? library : withItem(library, item), templateId, variables);
  return { subject: rendered.subject, html: rendered.html, text: rendered.text, template: { id: template.id, version: template.version } };
}
