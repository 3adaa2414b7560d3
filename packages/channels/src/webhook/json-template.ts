import { Liquid } from 'liquidjs';
import type { TemplateScope } from '../template.js';

// Each value is escaped for the inside of a JSON string, the way HTML templates escape for HTML:
// a name with a quote in it cannot break the document. A value that is not text is written as
// JSON, so {"tags": {{ contact.tags }}} sends a real list.
const jsonLiquid = new Liquid({
  strictFilters: true,
  outputEscape: (value: unknown) => {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
    return JSON.stringify(value);
  },
});

/** Renders a webhook body template; the result must be JSON. */
export async function renderJsonBody(template: string, scope: TemplateScope): Promise<{ ok: true; body: string } | { ok: false; error: string }> {
  const body = await jsonLiquid.parseAndRender(template, scope);
  try {
    JSON.parse(body);
    return { ok: true, body };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `the webhook body is not JSON once filled in for this contact (${why}): ${body.slice(0, 200)}` };
  }
}
