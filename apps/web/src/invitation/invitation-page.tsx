import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate } from '../routing/use-route';
import { isUnauthorized } from '../session/api-errors';
import { acceptInvitation } from '../session/auth-api';
import { AuthShell } from '../session/auth-shell';
import { restartSession, switchWorkspace } from '../session/session-actions';
import { SignOutButton } from '../session/sign-out-button';
import { trpc, type Me } from '../trpc';
import { Field } from '../ui/field';
import { Loading, QueryError } from '../ui/query-status';

/**
 * An invitation link, opened signed in or not. Joining lands on the journeys of the workspace
 * joined; someone without a session joins with an existing account's email and password, or
 * makes a new account with them.
 */
export function InvitationPage({ token }: { token: string }) {
  const me = useQuery(trpc.account.me.queryOptions());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const join = async (credentials: { email?: string; password?: string; name?: string }) => {
    setBusy(true);
    setProblem(null);
    const result = await acceptInvitation({ token, ...credentials });
    if (!result.ok) {
      setBusy(false);
      setProblem(result.message);
      return;
    }
    switchWorkspace(result.workspaceId);
    // Joining without a session started one: everything is read again as the member.
    await restartSession();
    navigate({ page: 'journeys' });
  };

  return (
    <AuthShell title="Join a workspace">
      <p className="muted">You were invited to a Tend workspace.</p>
      {me.isPending && <Loading what="your account" />}
      {me.data && <SignedInJoin user={me.data} busy={busy} onJoin={() => void join({})} />}
      {isUnauthorized(me.error) && <NewMemberForm busy={busy} onJoin={(credentials) => void join(credentials)} />}
      {me.isError && !isUnauthorized(me.error) && <QueryError what="your account" error={me.error} />}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </AuthShell>
  );
}

function SignedInJoin({ user, busy, onJoin }: { user: Me; busy: boolean; onJoin: () => void }) {
  return (
    <div className="form">
      <p>
        You are signed in as <strong>{user.email}</strong>. Join with this account?
      </p>
      <div className="form__actions">
        <SignOutButton label="Use another account" />
        <button type="button" className="button button--primary" disabled={busy} onClick={onJoin}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </div>
    </div>
  );
}

function NewMemberForm({ busy, onJoin }: { busy: boolean; onJoin: (credentials: { email: string; password: string; name?: string }) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        onJoin({ email: email.trim(), password, name: name.trim() === '' ? undefined : name.trim() });
      }}
    >
      <p className="small">
        Have a Tend account? Enter its email and password. New to Tend? Choose a password (at least 10 characters): your
        account is created as you join.
      </p>
      <Field label="Email">
        {(control) => (
          <input {...control} className="input" type="email" required autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
        )}
      </Field>
      <Field label="Password">
        {(control) => (
          <input {...control} className="input" type="password" required autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        )}
      </Field>
      <Field label="Your name" hint="Only for a new account; shown to your teammates.">
        {(control) => (
          <input {...control} className="input" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Joining…' : 'Join workspace'}
        </button>
      </div>
    </form>
  );
}
