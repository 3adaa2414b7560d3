import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../ui/field';
import { signIn } from './auth-api';
import type { AuthFailure } from './auth-failure';
import { fetchAuthOptions } from './auth-options';
import { AuthShell } from './auth-shell';
import { restartSession } from './session-actions';

/**
 * Shown in place of any page while no one is signed in; signing in re-reads everything, and the
 * page the URL names appears.
 */
export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  // After a 429 the form waits until the server said it may be tried again.
  const [waiting, setWaiting] = useState(false);
  // Without an answer the page offers the password only; the button appears once the server says.
  const options = useQuery({ queryKey: ['auth-options'], queryFn: fetchAuthOptions, staleTime: Infinity, retry: false });
  const sso = options.data?.sso ?? null;

  const submit = async () => {
    setBusy(true);
    const result = await signIn({ email, password });
    if (result.ok) {
      await restartSession();
      return;
    }
    setBusy(false);
    setFailure(result);
    if (result.retryAt) {
      setWaiting(true);
      window.setTimeout(() => setWaiting(false), Math.max(0, result.retryAt.getTime() - Date.now()));
    }
  };

  return (
    <AuthShell title="Sign in to the console">
      {sso && (
        <>
          {/* A plain link: the server sends the browser on to the identity provider and back. */}
          <a className="button button--primary" href="/auth/oidc/start" style={{ justifyContent: 'center', textDecoration: 'none' }}>
            Sign in with {sso.name}
          </a>
          <p className="muted">or with your email and password:</p>
        </>
      )}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
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
        {failure && (
          <p className="error-text" role="alert">
            {failure.message}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || waiting}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <div className="auth__help">
        <h2>First time?</h2>
        <p>
          When Tend starts (<code>npm start</code>), the terminal prints a one-time sign-in link for the owner of the
          Development workspace. Open it to sign in without a password, then choose one under{' '}
          <strong>Settings → Account</strong>. Each link works once; restart Tend for a new one.
        </p>
        <p className="muted">Invited by a teammate? Open the invitation link they sent you.</p>
        {sso && (
          <p className="muted">
            The first time you sign in with {sso.name}, Tend opens an account for you (or links the one with your
            verified email); a teammate's invitation link then adds you to their workspace.
          </p>
        )}
      </div>
    </AuthShell>
  );
}
