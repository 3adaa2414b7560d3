import type { CatalogueEntry } from '../nodes/catalogue-entry.js';
import { renderSummary } from '../nodes/summarize.js';

/**
 * One line that says what a node does with this (possibly incomplete) config: its catalogue
 * entry's summary template rendered ("Wait 2 days", "Email: Welcome!"). '' for a type the
 * catalogue does not list (the caller shows something else); the title when the template
 * fails or says nothing. Never throws, never prints "undefined".
 */
export function summarizeNode(entry: CatalogueEntry | undefined, config: Readonly<Record<string, unknown>>): string {
  if (!entry) return '';
  return renderSummary(entry.summary, config, entry.title);
}
