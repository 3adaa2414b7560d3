import { Liquid, type LiquidOptions } from 'liquidjs';
import { libraryFs, layoutsRoot, partialsRoot } from './library-fs.js';
import type { TemplateLibrary } from './template-library.js';

/** The two engines a library renders with: HTML bodies escape values, plain fields (subject, text, preheader) do not. */
export interface LibraryEngines {
  html: Liquid;
  plain: Liquid;
}

/**
 * Engines over one library. Each keeps the layouts and partials it parsed (`cache`), which is
 * safe because an engine belongs to one library's content: a new version makes a new engine.
 * Limits keep a template from holding a worker (a loop over a huge range): no email needs more.
 */
export function libraryEngines(library: TemplateLibrary): LibraryEngines {
  const options: LiquidOptions = {
    fs: libraryFs(library),
    layouts: [layoutsRoot],
    partials: [partialsRoot],
    relativeReference: false,
    cache: true,
    // A misspelt filter fails at publish instead of rendering nothing.
    strictFilters: true,
    renderLimit: 2_000,
    memoryLimit: 10_000_000,
  };
  // HTML output escapes values (a first name of "<b>" stays text), in partials and layouts too.
  return { html: new Liquid({ ...options, outputEscape: 'escape' }), plain: new Liquid(options) };
}
