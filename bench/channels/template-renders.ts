// 7.4: MJML + Liquid renders a second of the starter library's welcome email (a layout, a
// header and a footer partial), with the compiled-template cache and without it.
import { clearTemplateCache, libraryItem, renderTemplate, starterItems, templateLibrary, templateScope, type TemplateVariables } from '@tend/channels';
import type { Comparison } from '../report.js';
import { perSecond } from '../stats.js';
import { takeTurns } from '../audience/timed.js';

const block = 25;

/**
 * Renders run one after another (a render is CPU work: Liquid, then MJML, then the text part),
 * in blocks taking turns. Without the cache each render parses the template, its layout and
 * partials again, as every send did before the cache; MJML's compile is in both.
 */
export async function benchTemplateRenders(options: { renders: number }): Promise<{ rows: Comparison[]; notes: string[] }> {
  const library = templateLibrary(
    'bench',
    starterItems('Bench Shop').map((item) => libraryItem(item.id, item.kind, item.content, 1)),
  );
  const variables = (i: number): TemplateVariables => ({
    ...templateScope({ id: `c${i}`, userId: `reader-${i}`, email: `reader-${i}@example.test`, traits: { firstName: `Reader ${i}` } }, { name: 'Signed Up', properties: {} }),
    unsubscribe_url: `https://tend.example/u/token-${i}`,
    preferences_url: `https://tend.example/u/token-${i}/preferences`,
  });
  clearTemplateCache();
  await renderTemplate(library, 'welcome', variables(0), { cache: true }); // the first render fills the cache
  let n = 0;
  const blocks = Math.max(1, Math.round(options.renders / block));
  const samples = await takeTurns(blocks, {
    cached: async () => {
      for (let i = 0; i < block; i++) await renderTemplate(library, 'welcome', variables(n++), { cache: true });
    },
    uncached: async () => {
      for (let i = 0; i < block; i++) await renderTemplate(library, 'welcome', variables(n++), { cache: false });
    },
  });
  const rate = (ms: number[]) => perSecond(block * ms.length, ms.reduce((sum, each) => sum + each, 0));
  return {
    rows: [{ figure: 'welcome email renders/s, cached', value: rate(samples.cached), baseline: 'the same, parsed every time', base: rate(samples.uncached), unit: 'renders/s' }],
    notes: [`${blocks * block} renders each way in blocks of ${block} taking turns, one at a time; each render is Liquid (layout, header and footer partials), MJML to HTML, and the derived text part.`],
  };
}
