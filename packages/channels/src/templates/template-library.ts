import { createHash } from 'node:crypto';
import { contentHash, type TemplateContent, type TemplateKind } from './template-content.js';

/** One item as a render sees it: a published version, or a draft (version null) being previewed or checked. */
export interface LibraryItem {
  id: string;
  kind: TemplateKind;
  /** The published version; null for a draft. */
  version: number | null;
  content: TemplateContent;
  /** contentHash(content): compiled templates are cached by it. */
  hash: string;
}

/**
 * What one render can reach: the items of a workspace's library by id (sends use the live
 * versions), and the ids of items that exist but are not published, so a problem can say
 * "publish it first" rather than "there is none".
 */
export interface TemplateLibrary {
  workspaceId: string;
  items: ReadonlyMap<string, LibraryItem>;
  unpublished: ReadonlySet<string>;
}

export function libraryItem(id: string, kind: TemplateKind, content: TemplateContent, version: number | null = null): LibraryItem {
  return { id, kind, version, content, hash: contentHash(content) };
}

export function templateLibrary(workspaceId: string, items: Iterable<LibraryItem>, unpublished: Iterable<string> = []): TemplateLibrary {
  return { workspaceId, items: new Map([...items].map((item) => [item.id, item])), unpublished: new Set(unpublished) };
}

/** The library with one item added or replaced (a draft previewed in the context of the live library). */
export function withItem(library: TemplateLibrary, item: LibraryItem): TemplateLibrary {
  const items = new Map(library.items);
  items.set(item.id, item);
  const unpublished = new Set(library.unpublished);
  unpublished.delete(item.id);
  return { ...library, items, unpublished };
}

const fingerprints = new WeakMap<TemplateLibrary, string>();

/**
 * Names the layouts and partials a render can reach, by content: two libraries with the same
 * fingerprint render a template the same way, so compiled templates are shared between them.
 */
export function libraryFingerprint(library: TemplateLibrary): string {
  let fingerprint = fingerprints.get(library);
  if (fingerprint === undefined) {
    const shared = [...library.items.values()].filter((item) => item.kind !== 'template').map((item) => `${item.kind}/${item.id}:${item.hash}`);
    fingerprint = createHash('sha256').update(shared.sort().join('\n')).digest('hex').slice(0, 32);
    fingerprints.set(library, fingerprint);
  }
  return fingerprint;
}
