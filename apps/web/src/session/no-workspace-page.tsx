import type { Me } from '../trpc';
import { NewWorkspaceForm } from '../workspaces/new-workspace-form';
import { AuthShell } from './auth-shell';
import { SignOutButton } from './sign-out-button';

/** Signed in, but a member of no workspace: make one, or open an invitation. */
export function NoWorkspacePage({ user }: { user: Me }) {
  return (
    <AuthShell title="No workspace yet">
      <p>
        You are signed in as <strong>{user.email}</strong> and belong to no workspace. Create one (you will own it),
        or open the invitation link a teammate sent you.
      </p>
      <NewWorkspaceForm />
      <div className="auth__help">
        <SignOutButton />
      </div>
    </AuthShell>
  );
}
