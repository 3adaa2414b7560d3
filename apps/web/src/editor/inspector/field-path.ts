import type { ErrorSchema } from '@rjsf/utils';
import { isObject, type Problem } from './inspector-types';

/** A config field as a list of keys: "cases.0.condition" → ['cases', 0, 'condition']. */
export function splitPath(path: string): (string | number)[] {
  if (path === '') return [];
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Our validator's problems as rjsf's error tree, so each message shows on its own field.
 * Problems without a field (or only a root one) are left out: the inspector lists them above the form.
 */
export function problemsToErrorSchema(problems: readonly Problem[]): ErrorSchema {
  const root: ErrorSchema = {};
  for (const problem of problems) {
    if (!problem.field) continue;
    let node = root as Record<string | number, unknown>;
    for (const key of splitPath(problem.field)) {
      const next = node[key];
      node[key] = isObject(next) ? next : {};
      node = node[key] as Record<string | number, unknown>;
    }
    const errors = Array.isArray(node.__errors) ? (node.__errors as string[]) : [];
    if (!errors.includes(problem.message)) errors.push(problem.message);
    node.__errors = errors;
  }
  return root;
}

/** The problems the form cannot place on a field: none named, or one outside the config. */
export function formlessProblems(problems: readonly Problem[], fieldNames: readonly string[]): Problem[] {
  return problems.filter((problem) => {
    if (!problem.field) return true;
    const head = splitPath(problem.field)[0];
    return typeof head !== 'string' || !fieldNames.includes(head);
  });
}

/** The error subtree at a path inside an error tree (a custom field shows its rows' own errors). */
export function errorsAt(errors: ErrorSchema | undefined, path: readonly (string | number)[]): ErrorSchema | undefined {
  let node: unknown = errors;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? (node as ErrorSchema) : undefined;
}

/** Every message in a subtree, prefixed with where below it sits ("value: in needs a list of values"). */
export function flattenErrors(errors: ErrorSchema | undefined, prefix = ''): string[] {
  if (!isObject(errors)) return [];
  const messages: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === '__errors') {
      if (Array.isArray(value)) messages.push(...value.map((message) => (prefix ? `${prefix}: ${String(message)}` : String(message))));
    } else {
      messages.push(...flattenErrors(value as ErrorSchema, prefix ? `${prefix}.${key}` : key));
    }
  }
  return messages;
}
