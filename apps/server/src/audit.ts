import { auditLog, type Database } from '@tend/db';

export interface AuditEntry {
  workspaceId: string;
  actor: string;
  actorLabel: string;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

/** Appends one line to a workspace's audit log: who did what to what. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, target: entry.target ?? '', detail: entry.detail ?? {} });
}
