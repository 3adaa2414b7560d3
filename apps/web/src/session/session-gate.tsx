import { useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useMemo, type ReactNode } from 'react';
import { trpc } from '../trpc';
import { Loading, QueryError } from '../ui/query-status';
import { isUnauthorized } from './api-errors';
import { AuthShell } from './auth-shell';
import { NoWorkspacePage } from './no-workspace-page';
import { switchWorkspace } from './session-actions';
import { SessionContext, type Session } from './session-context';
import { SignInPage } from './sign-in-page';
import { chooseWorkspace } from './workspace-choice';
import { useChosenWorkspaceId } from './workspace-store';

/**
 * The console's pages, once someone is signed in and a workspace is chosen; the sign-in page
 * otherwise. Pages are keyed by workspace, so a switch mounts them afresh.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const me = useQuery(trpc.account.me.queryOptions());
  const chosenId = useChosenWorkspaceId();
  const workspace = me.data ? chooseWorkspace(chosenId, me.data.workspaces) : null;
  // A choice the user no longer has (removed, or another account signed in) moves to their first
  // workspace, but only once `me` is current: right after joining one, it is still being re-read.
  const stale = workspace !== null && workspace.id !== chosenId;
  const settled = !me.isFetching;
  useEffect(() => {
    if (stale && settled) switchWorkspace(workspace.id);
  }, [stale, settled, workspace]);
  const session = useMemo<Session | null>(() => (me.data && workspace ? { user: me.data, workspace } : null), [me.data, workspace]);

  if (isUnauthorized(me.error)) return <SignInPage />;
  if (!me.data) {
    return (
      <AuthShell title="Tend">
        {me.isError ? (
          <>
            <QueryError what="your account" error={me.error} />
            <div className="form__actions">
              <button type="button" className="button" onClick={() => void me.refetch()}>
                Try again
              </button>
            </div>
          </>
        ) : (
          <Loading what="your account" />
        )}
      </AuthShell>
    );
  }
  if (!session) return <NoWorkspacePage user={me.data} />;
  if (stale) {
    return (
      <AuthShell title="Tend">
        <Loading what="your workspace" />
      </AuthShell>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Fragment key={session.workspace.id}>{children}</Fragment>
    </SessionContext.Provider>
  );
}
