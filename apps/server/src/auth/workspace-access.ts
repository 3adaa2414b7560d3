import { and, asc, eq, memberships, workspaces, type Database, type Role } from '@tend/db';
import type { Principal } from './principal.js';
import { roleAllows } from './roles.js';

/** Why a caller may not act in a workspace: FORBIDDEN or NOT_FOUND, with what to do. */
export class WorkspaceAccessError extends Error {
  constructor(
    readonly code: 'FORBIDDEN' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one rule for acting inside a workspace, for tRPC procedures and the few plain HTTP routes
 * (streamed uploads) alike: an API token acts in its own workspace; a person in the workspace they
 * name (or their first), and either must hold at least `role`.
 */
export async function workspaceAccess(
  db: Database,
  principal: Principal,
  requestedWorkspaceId: string | null,
  role: Role,
): Promise<{ workspace: typeof workspaces.$inferSelect; role: Role }> {
  let workspaceId: string;
  let held: Role;
  if (principal.kind === 'token') {
    if (requestedWorkspaceId && requestedWorkspaceId !== principal.workspaceId) throw new WorkspaceAccessError('FORBIDDEN', 'this API token belongs to another workspace');
    workspaceId = principal.workspaceId;
    held = principal.role;
  } else {
    const [membership] = await db
      .select({ workspaceId: memberships.workspaceId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, principal.userId), requestedWorkspaceId ? eq(memberships.workspaceId, requestedWorkspaceId) : undefined))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!membership) {
      throw new WorkspaceAccessError(
        'FORBIDDEN',
        requestedWorkspaceId ? `you are not a member of workspace "${requestedWorkspaceId}"` : 'you belong to no workspace yet: create one or ask for an invitation',
      );
    }
    workspaceId = membership.workspaceId;
    held = membership.role;
  }
  if (!roleAllows(held, role)) throw new WorkspaceAccessError('FORBIDDEN', `this needs the ${role} role; you are ${held === 'analyst' ? 'an' : 'a'} ${held}`);
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new WorkspaceAccessError('NOT_FOUND', `no workspace "${workspaceId}"`);
  return { workspace, role: held };
}
