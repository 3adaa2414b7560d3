import { isObject, type JsonObject } from './inspector-types';
import { capitalise, itemNoun } from './labels';
import { itemsOf, propertiesOf, resolveRef } from './schema-walk';

/**
 * Gives each new list item that is a way out (a branch case, a split path: items with an `id`
 * and a `label`) an output id and a label, so "Add case" makes a usable case. Ids are never
 * changed once given: edges and counts hang on them.
 */
export function fillItemIds(schema: JsonObject, data: JsonObject): JsonObject {
  let result = data;
  for (const [key, property] of Object.entries(propertiesOf(schema))) {
    const items = itemsOf(resolveRef(property, schema));
    const itemProperties = items ? propertiesOf(resolveRef(items, schema)) : {};
    const list = data[key];
    if (!itemProperties.id || !Array.isArray(list)) continue;
    const noun = itemNoun(key) === 'item' ? 'output' : itemNoun(key);
    const taken = new Set(list.map((item: unknown) => (isObject(item) ? item.id : undefined)).filter((id): id is string => typeof id === 'string' && id !== ''));
    let changed = false;
    const filled = list.map((item: unknown, index) => {
      if (!isObject(item) || (typeof item.id === 'string' && item.id !== '')) return item;
      let number = index + 1;
      while (taken.has(`${noun}-${number}`)) number += 1;
      const id = `${noun}-${number}`;
      taken.add(id);
      changed = true;
      const label = itemProperties.label && (typeof item.label !== 'string' || item.label === '') ? { label: `${capitalise(noun)} ${number}` } : {};
      return { ...item, id, ...label };
    });
    if (changed) result = { ...result, [key]: filled };
  }
  return result;
}
