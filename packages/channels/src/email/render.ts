import type { SendEmailConfig } from '@tend/journey';
import { Liquid } from 'liquidjs';

const liquid = new Liquid({ strictFilters: true, outputEscape: 'escape' });
const plainLiquid = new Liquid({ strictFilters: true });

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** What templates see as {{ contact.* }}: the profile's traits plus its identifiers. */
export interface TemplateContact {
  id: string;
  userId: string | null;
  email: string | null;
  traits: Record<string, unknown>;
}

export async function renderEmail(config: SendEmailConfig, contact: TemplateContact): Promise<RenderedEmail> {
  const scope = { contact: { ...contact.traits, id: contact.id, userId: contact.userId, email: contact.email } };
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
