import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { AnyNodeDefinition } from './define-node.js';

/**
 * Loads custom action nodes from a module (TEND_NODES): its `nodes` export, or its default
 * export, must be an array of defineNode() results. The server shows them in the editor's
 * palette and validates journeys with them; the worker runs them.
 */
export async function loadCustomNodes(modulePath: string | undefined): Promise<AnyNodeDefinition[]> {
  if (!modulePath) return [];
  const loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as { nodes?: unknown; default?: unknown };
  const nodes = loaded.nodes ?? loaded.default;
  if (!Array.isArray(nodes)) throw new Error(`${modulePath} must export \`nodes\`: an array of defineNode() results`);
  for (const node of nodes as AnyNodeDefinition[]) {
    if (!node || typeof node.type !== 'string' || typeof node.run !== 'function' || node.category !== 'action') {
      throw new Error(`${modulePath}: every entry of \`nodes\` must come from defineNode()`);
    }
  }
  return nodes as AnyNodeDefinition[];
}
