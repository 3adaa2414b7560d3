import type { GraphNode } from './graph.js';
import type { NodeSpec } from './nodes/node-spec.js';
import type { Problem } from './problem.js';
import { headerSecrets, secretsOnlyInHeaders } from './templates.js';

// Headers whose value is a credential whatever it looks like.
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-auth-token']);
// An HTTP authentication scheme followed by its credentials: "Bearer abc…", "Basic dXNlcjpw…".
const schemeAndCredentials = /^\s*(bearer|basic)\s+\S/i;
// A Liquid output or tag reading `secrets` (and not, say, `contact.secrets`).
const readsSecrets = /\{[{%][^}]*?(?<![\w.$])secrets\b/;

/**
 * Where a node's config uses workspace secrets wrongly: a header that names no secret but carries
 * a credential written out (every member reads the journey), a header reading a secret the
 * workspace does not have (when `secretNames` is known: the server's publish, not the offline CLI),
 * and {{ secrets.* }} anywhere but a header value, where it would be sent, saved or shown as text.
 */
export function secretProblems(node: GraphNode, spec: NodeSpec, config: Record<string, unknown>, secretNames?: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const headerFields = new Set(spec.headerFields ?? []);
  for (const field of headerFields) {
    for (const [name, value] of Object.entries(textRecord(config[field]))) {
      const at = { nodeId: node.id, field: `${field}.${name}` };
      const read = headerSecrets(value);
      if ('error' in read) {
        problems.push({ ...at, message: read.error });
        continue;
      }
      if (read.names.length === 0 && carriesCredential(name, value)) {
        problems.push({ ...at, message: 'this header holds a credential written into the journey, which every member can read: store the credential as a workspace secret and write {{ secrets.NAME }}' });
      }
      for (const missing of read.names.filter((secret) => secretNames && !secretNames.includes(secret))) {
        problems.push({ ...at, message: `the workspace has no secret ${missing}: add it in Settings → Secrets` });
      }
    }
  }
  // Template fields say so through templateError; every other text is checked here.
  const skipped = new Set([...headerFields, ...(spec.templateFields ?? [])]);
  for (const [path, text] of textsOf(config)) {
    if (!skipped.has(path[0]!) && readsSecrets.test(text)) problems.push({ nodeId: node.id, field: path.join('.'), message: secretsOnlyInHeaders });
  }
  return problems;
}

function carriesCredential(name: string, value: string): boolean {
  return value.trim() !== '' && (credentialHeaders.has(name.toLowerCase()) || schemeAndCredentials.test(value));
}

function textRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Every text in a config, with its path. */
function* textsOf(value: unknown, path: string[] = []): Generator<[string[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* textsOf(item, [...path, String(index)]);
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) yield* textsOf(item, [...path, key]);
}
