/** The shared shapes the inspector reads, from the browser-safe journey entry (one place to change). */
export type { CatalogueEntry, Problem, UiHint } from '@tend/journey/editor';

/** JSON as the catalogue serves it: the inspector only ever reads it. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
