import { isObject, type JsonObject } from './inspector-types';

/** Small readers of the catalogue's JSON Schemas (zod's toJSONSchema output), shared by the form builders. */

/** The schema a `$ref` ("#/$defs/name") points to inside the root, else the schema itself. */
export function resolveRef(schema: JsonObject, root: JsonObject): JsonObject {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const key of ref.slice(2).split('/')) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? resolveRef(node, root) : schema;
}

export function propertiesOf(schema: JsonObject): Record<string, JsonObject> {
  const properties = schema.properties;
  if (!isObject(properties)) return {};
  return Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, JsonObject] => isObject(entry[1])));
}

export function itemsOf(schema: JsonObject): JsonObject | undefined {
  return isObject(schema.items) ? schema.items : undefined;
}

/** { amount, unit } with a unit enum: a duration, whatever the field is called. */
export function isDurationSchema(schema: JsonObject): boolean {
  const { amount, unit } = propertiesOf(schema);
  return Boolean(amount && unit && Array.isArray(unit.enum));
}

/** A name → value map (webhook headers, profile traits to set): no fixed properties, any keys. */
export function isRecordSchema(schema: JsonObject): boolean {
  return schema.type === 'object' && !isObject(schema.properties) && schema.additionalProperties !== undefined && schema.additionalProperties !== false;
}

/** An array of { property, op, value } rows: event property filters. */
export function isFilterListSchema(schema: JsonObject): boolean {
  const items = itemsOf(schema);
  if (!items) return false;
  const { property, op } = propertiesOf(items);
  return Boolean(property && op);
}

/** A branch condition: a oneOf whose options carry kind "attribute", "all"… */
export function isConditionSchema(schema: JsonObject, root: JsonObject): boolean {
  const resolved = resolveRef(schema, root);
  const options = Array.isArray(resolved.oneOf) ? resolved.oneOf : Array.isArray(resolved.anyOf) ? resolved.anyOf : [];
  return options.some((option) => isObject(option) && propertiesOf(resolveRef(option, root)).kind?.const === 'attribute');
}

export function requiredOf(schema: JsonObject): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
}

/** The schema handed to rjsf: zod's draft 2020-12 marker removed, as ajv's default draft does not know it. */
export function formSchema(schema: unknown): JsonObject {
  if (!isObject(schema)) return { type: 'object', properties: {} };
  const { $schema: _draft, ...rest } = schema;
  return rest;
}
