import type { UiSchema } from '@rjsf/utils';
import { isObject, type JsonObject, type UiHint } from './inspector-types';
import { humanise, itemNoun } from './labels';
import { isConditionSchema, isDurationSchema, isFilterListSchema, isRecordSchema, itemsOf, propertiesOf, resolveRef } from './schema-walk';

/** Names of our custom rjsf fields and widgets (registered in form-registry.ts). */
const hintUi: Record<UiHint, UiSchema> = {
  duration: { 'ui:field': 'duration' },
  'time-of-day': { 'ui:widget': 'timeOfDay' },
  weekdays: { 'ui:field': 'weekdays' },
  'time-zone': { 'ui:widget': 'timeZone' },
  'event-name': { 'ui:widget': 'eventName' },
  'property-name': { 'ui:widget': 'propertyName' },
  'trait-name': { 'ui:widget': 'traitName' },
  liquid: { 'ui:widget': 'liquid' },
  'liquid-html': { 'ui:widget': 'liquidHtml' },
  'email-template': { 'ui:widget': 'emailTemplate' },
  topic: { 'ui:widget': 'topic' },
  condition: { 'ui:field': 'condition', 'ui:fieldReplacesAnyOrOneOf': true },
  'property-filters': { 'ui:field': 'propertyFilters' },
  headers: { 'ui:field': 'record' },
  cron: { 'ui:widget': 'cron' },
  hidden: { 'ui:widget': 'hidden' },
};

/**
 * The uiSchema for a node's config: labels from the keys, list item names ("Add case"), the
 * shapes every node shares (durations, filters, conditions, name → value maps) on their own
 * fields, then the catalogue's hints on top. Hint paths are dotted, "[]" for array items
 * ("cases[].condition" or "cases.[].condition"); "" is the whole config (a wait is one duration).
 */
export function buildUiSchema(schema: JsonObject, hints: Readonly<Record<string, UiHint>> = {}): UiSchema {
  const ui = walk(schema, schema, '');
  for (const [path, hint] of Object.entries(hints)) {
    const extra = hintUi[hint];
    if (extra) merge(at(ui, hintPath(path)), extra);
  }
  return ui;
}

export function hintPath(path: string): string[] {
  if (path === '') return [];
  return path.split('.').flatMap((part) => {
    if (part === '[]') return ['items'];
    if (part.endsWith('[]')) return [part.slice(0, -2), 'items'];
    return [part];
  });
}

function walk(node: JsonObject, root: JsonObject, name: string): UiSchema {
  const schema = resolveRef(node, root);
  if (isDurationSchema(schema)) return { 'ui:field': 'duration' };
  if (isConditionSchema(schema, root)) return { 'ui:field': 'condition', 'ui:fieldReplacesAnyOrOneOf': true };
  if (isRecordSchema(schema)) return { 'ui:field': 'record' };
  if (schema.type === 'array') {
    if (isFilterListSchema(schema)) return { 'ui:field': 'propertyFilters' };
    const items = itemsOf(schema);
    const ui: UiSchema = { 'ui:options': { itemNoun: itemNoun(name) } };
    if (items) ui.items = walk(items, root, '');
    // Output ids are made for the marketer (see item-ids.ts); edges and counts hang on them.
    if (items && propertiesOf(resolveRef(items, root)).id) ui.items = { ...ui.items, id: { 'ui:widget': 'hidden' } };
    return ui;
  }
  const ui: UiSchema = {};
  for (const [key, property] of Object.entries(propertiesOf(schema))) {
    ui[key] = { 'ui:title': humanise(key), ...walk(property, root, key) };
  }
  return ui;
}

function at(ui: UiSchema, path: readonly string[]): UiSchema {
  let node = ui;
  for (const key of path) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as UiSchema;
  }
  return node;
}

function merge(target: UiSchema, extra: UiSchema): void {
  // A hint replaces the field or widget the shape suggested.
  delete target['ui:field'];
  delete target['ui:widget'];
  Object.assign(target, extra);
}
