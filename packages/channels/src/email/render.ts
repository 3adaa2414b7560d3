import type { SendEmailConfig } from '@tend/journey';
import { Liquid } from 'liquidjs';
import { templateScope, type TemplateContact, type TemplateEvent } from '../template.js';
import type { UnsubscribeLinks } from './unsubscribe-token.js';

export type { TemplateContact } from '../template.js';

const liquid = new Liquid({ strictFilters: true, outputEscape: 'escape' });
const plainLiquid = new Liquid({ strictFilters: true });

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders an email's subject and parts. `links` fill in {{ unsubscribe_url }} and
 * {{ preferences_url }}; without them (a preview) they render empty.
 */
export async function renderEmail(config: SendEmailConfig, contact: TemplateContact, event?: TemplateEvent, links?: UnsubscribeLinks): Promise<RenderedEmail> {
  const scope = { ...templateScope(contact, event), unsubscribe_url: links?.unsubscribeUrl ?? '', preferences_url: links?.preferencesUrl ?? '' };
  // HTML output escapes values (a first name of "<b>" stays text); the subject is plain text.
  const [subject, html, text] = await Promise.all([
    plainLiquid.parseAndRender(config.subject, scope),
    liquid.parseAndRender(config.html, scope),
    config.text ? plainLiquid.parseAndRender(config.text, scope) : undefined,
  ]);
  return { subject: subject.trim(), html, text: text ?? htmlToText(html) };
}

/** A readable plain-text part for clients that do not show HTML. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
