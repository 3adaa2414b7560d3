import type { Database } from '@tend/db';
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
}
