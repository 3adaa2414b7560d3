import type { FS } from 'liquidjs';
import type { TemplateLibrary } from './template-library.js';

/** Where liquidjs looks a name up: `{% layout %}` in layouts, `{% render %}` / `{% include %}` in partials. */
export const layoutsRoot = '/layouts';
export const partialsRoot = '/partials';

/**
 * liquidjs's file system over a library: `/layouts/<id>` and `/partials/<id>` are the bodies of
 * its layouts and partials, and nothing else exists. A template therefore reaches no file on
 * the server, a partial cannot be used as a layout (or a template as either), and a missing
 * one fails naming its kind (see template-problem.ts).
 */
export function libraryFs(library: TemplateLibrary): FS {
  const bodyOf = (path: string): string | undefined => {
    const [, root, id] = /^\/(layouts|partials)\/([^/]+)$/.exec(path) ?? [];
    const item = id === undefined ? undefined : library.items.get(id);
    if (!item || (root === 'layouts' ? item.kind !== 'layout' : item.kind !== 'partial')) return undefined;
    return item.content.body;
  };
  const read = (path: string): string => {
    const body = bodyOf(path);
    if (body === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return body;
  };
  return {
    exists: async (path) => bodyOf(path) !== undefined,
    existsSync: (path) => bodyOf(path) !== undefined,
    readFile: async (path) => read(path),
    readFileSync: read,
    resolve: (root, name) => `${root}/${name}`,
    sep: '/',
  };
}
