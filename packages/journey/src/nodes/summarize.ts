import { Liquid, type Template } from 'liquidjs';
import { summaryFilters } from './summary-filters.js';

// JS truthiness, so '' and 0 are false in {% if %}: summaries test for "not set" that way.
const liquid = new Liquid({ jsTruthy: true, strictVariables: false, strictFilters: false });
for (const [name, filter] of Object.entries(summaryFilters)) liquid.registerFilter(name, filter as (...args: unknown[]) => unknown);

// The canvas summarises every node on each render: parse each template once.
const parsed = new Map<string, Template[]>();

/**
 * Renders a summary template over a config that may be incomplete. The config's fields are
 * the template's variables, and `config` is the whole of it. Never throws: a template that
 * fails, or says nothing, gives `fallback`.
 */
export function renderSummary(template: string, config: Readonly<Record<string, unknown>>, fallback: string): string {
  try {
    let templates = parsed.get(template);
    if (!templates) {
      templates = liquid.parse(template);
      parsed.set(template, templates);
    }
    const scope = { config, ...(isRecord(config) ? config : {}) };
    const text = String(liquid.renderSync(templates, scope)).trim();
    return text || fallback;
  } catch {
    return fallback;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
