import type { Database } from '@tend/db';
import type { NodeSpec } from '@tend/journey';
import type { Client } from '@temporalio/client';
import type { HealthReport } from './health.js';
import type { Workspace } from './workspace.js';

/** Everything a request handler needs, built from plain values so tests pass their own. */
export interface ServerDeps {
  db: Database;
  temporal: Client;
  /** The workspace the console acts on (one dev workspace until accounts exist). */
  workspace: Workspace;
  health(): Promise<HealthReport>;
  /** Custom action nodes (TEND_NODES): shown in the catalogue, accepted at publish. */
  customNodes?: readonly NodeSpec[];
  /** Channels with a configured provider; publish refuses actions on others. Absent: not checked. */
  channels?: readonly string[];
}
