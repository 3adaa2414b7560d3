import type { NodeOutput } from './node-spec.js';

/**
 * Outputs from a list in a config being edited (a branch's cases, a split's paths): each
 * `{ id, … }` item with a usable id is an output, labelled by `label`. Tolerates anything.
 */
export function draftOutputs(items: unknown, label: (item: { label: string; percent: unknown }, id: string) => string): NodeOutput[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) => {
    const fields = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const id = typeof fields.id === 'string' ? fields.id.trim() : '';
    if (!id) return [];
    const name = typeof fields.label === 'string' ? fields.label.trim() : '';
    return [{ id, label: label({ label: name, percent: fields.percent }, id) }];
  });
}
