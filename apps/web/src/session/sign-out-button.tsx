import { useState } from 'react';
import { signOut } from './auth-api';
import { restartSession } from './session-actions';

/** Ends the session on the server, then the console asks who is signed in: no one, so sign-in. */
export function SignOutButton({ label = 'Sign out' }: { label?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    const result = await signOut();
    if (!result.ok) {
      setBusy(false);
      setError(result.message);
      return;
    }
    await restartSession();
    setBusy(false);
  };
  return (
    <>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void run()}>
        {busy ? 'Signing out…' : label}
      </button>
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
