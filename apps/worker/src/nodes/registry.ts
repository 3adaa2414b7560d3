import type { EmailTransport } from '@tend/channels';
import type { Database } from '@tend/db';
import type { NodeDefinition } from '@tend/sdk';
import type { z } from 'zod';
import { sendEmail } from './send-email.js';

/** What built-in action nodes may use. Custom nodes get these too, plus their own. */
export interface NodeDeps {
  db: Database;
  email: EmailTransport;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each node narrows its own deps
export type AnyNodeDefinition = NodeDefinition<z.ZodType, any>;

/** The built-in action nodes, each declared with defineNode. */
export const builtInActionNodes: readonly AnyNodeDefinition[] = [sendEmail];

export function nodeRegistry(nodes: readonly AnyNodeDefinition[]): Map<string, AnyNodeDefinition> {
  return new Map(nodes.map((node) => [`${node.type}@${node.version}`, node]));
}
