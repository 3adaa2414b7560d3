import type { Role, workspaces } from '@tend/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { actorOf } from '../auth/principal.js';
import { workspaceAccess, WorkspaceAccessError } from '../auth/workspace-access.js';
import { recordAudit, type AuditEntry } from '../audit.js';
import type { RequestContext } from '../context.js';

export type TrpcContext = RequestContext;

/** What a workspace procedure's handler sees besides the request context. */
export interface WorkspaceContext extends TrpcContext {
  workspace: typeof workspaces.$inferSelect;
  role: Role;
  /** Appends to the workspace's audit log as the caller. */
  audit(entry: Omit<AuditEntry, 'workspaceId' | 'actor' | 'actorLabel'>): Promise<void>;
}

const t = initTRPC.context<TrpcContext>().create({
  // Error bodies never carry stack traces, in any mode, and an internal error never its message
  // (it can name files, SQL or internals): the server's log has both.
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    message: error.code === 'INTERNAL_SERVER_ERROR' ? 'something went wrong on the server: its log says what' : shape.message,
    data: { ...shape.data, stack: undefined },
  }),
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Anyone signed in (a console user or an API token). A mutation made with a session cookie must
 * echo the session's CSRF token, so another site cannot make a signed-in browser change anything.
 */
const signedIn = t.procedure.use(({ ctx, type, next }) => {
  const { principal } = ctx;
  if (!principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in to the console, or send an API token (tend login)' });
  if (type === 'mutation' && principal.kind === 'user' && principal.session && !ctx.csrfVerified) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'this change did not come from the console (missing CSRF token): reload the page' });
  }
  return next({ ctx: { principal, ...actorOf(principal) } });
});

/** Account-level calls of a signed-in person (their workspaces, a new workspace). */
export const userProcedure = signedIn.use(({ ctx, next }) => {
  if (ctx.principal.kind !== 'user') throw new TRPCError({ code: 'FORBIDDEN', message: 'an API token acts in its own workspace only' });
  return next({ ctx: { user: ctx.principal } });
});

/**
 * A call inside one workspace, allowed to members holding at least `role`. Every workspace
 * procedure must name its role: there is no unscoped procedure to build on.
 */
export function workspaceProcedure(role: Role) {
  return signedIn.use(async ({ ctx, next }) => {
    const access = await workspaceAccess(ctx.db, ctx.principal, ctx.workspaceId, role).catch((error: unknown) => {
      throw error instanceof WorkspaceAccessError ? new TRPCError({ code: error.code, message: error.message }) : error;
    });
    const workspaceId = access.workspace.id;
    const audit: WorkspaceContext['audit'] = (entry) => recordAudit(ctx.db, { ...entry, workspaceId, actor: ctx.actor, actorLabel: ctx.actorLabel });
    return next({ ctx: { workspace: access.workspace, role: access.role, audit } });
  });
}
