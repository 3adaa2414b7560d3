import type { EmailTransport } from '@tend/channels';
import { contacts, workspaces, type Database, type DatabaseHandle } from '@tend/db';
import { openTestDatabase } from '@tend/db/testing';
import type { NodeContext, NodeDefinition } from '@tend/sdk';
import type { z } from 'zod';
import type { NodeDeps } from '../nodes/registry.js';

export interface NodeHarness {
  db: Database;
  /** Deps with this database and no channel configured; tests add the channels they use. */
  deps: NodeDeps;
  contact(values: { id: string; email?: string | null; traits?: Record<string, unknown> }): Promise<string>;
  /** A node visit for the contact: a fresh idempotency key unless `idempotencyKey` is given. */
  context(contactId: string, overrides?: Partial<NodeContext>): NodeContext;
  /** Runs a node as runAction does: the raw config parsed (defaults applied) by the node's schema. */
  run<Config extends z.ZodType>(
    node: NodeDefinition<Config, NodeDeps>,
    context: NodeContext,
    config: z.input<Config>,
    deps?: Partial<NodeDeps>,
  ): Promise<{ output: string }>;
  close(): Promise<void>;
}

const noEmail: EmailTransport = {
  send: () => Promise.reject(new Error('this test sends no email')),
  close: () => {},
};

/** A real (test) Postgres with one workspace, for calling action nodes directly. */
export async function startNodeHarness(): Promise<NodeHarness> {
  const database: DatabaseHandle = await openTestDatabase();
  await database.db.insert(workspaces).values({ id: 'ws', name: 'Shop', writeKey: 'wk', emailFrom: 'Shop <hello@shop.example>' });
  const deps: NodeDeps = { db: database.db, email: noEmail };
  let visits = 0;
  return {
    db: database.db,
    deps,
    async contact({ id, email = null, traits = {} }) {
      await database.db.insert(contacts).values({ id, workspaceId: 'ws', userId: id, email, traits });
      return id;
    },
    context(contactId, overrides = {}) {
      visits += 1;
      return {
        workspaceId: 'ws',
        contactId,
        journeyId: 'welcome',
        nodeId: 'step',
        idempotencyKey: `journey/ws/welcome/${contactId}/run-1/step/${visits}`,
        entryEvent: { name: 'Signed Up', properties: { plan: 'pro' } },
        ...overrides,
      };
    },
    run(node, context, config, overrides = {}) {
      return node.run(context, node.config.parse(config), { ...deps, ...overrides });
    },
    close: () => database.close(),
  };
}
