import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { useSession } from '../session/session-context';
import { queryClient, trpc } from '../trpc';
import { Field } from '../ui/field';

/**
 * The reader's own account: who they are, and their password. Someone who signed in by a
 * one-time link has none yet and sets one; changing one asks for the current one.
 */
export function PasswordSection() {
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const save = useMutation(
    trpc.account.setPassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setPassword('');
        setRepeat('');
        return queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() });
      },
    }),
  );
  const mismatch = repeat !== '' && repeat !== password;

  return (
    <section className="panel section" aria-labelledby="account-title">
      <h2 id="account-title">Your account</h2>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        {user.name && (
          <>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </>
        )}
      </dl>
      <h3>{user.hasPassword ? 'Change your password' : 'Set a password'}</h3>
      {!user.hasPassword && (
        <p className="muted small">You signed in with a one-time link. Set a password to sign in with your email from now on.</p>
      )}
      <form
        className="form form--narrow"
        onSubmit={(event) => {
          event.preventDefault();
          if (mismatch) return;
          save.mutate({ current: user.hasPassword ? current : undefined, password });
        }}
      >
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" autoComplete="username" value={user.email} readOnly hidden />
        {user.hasPassword && (
          <Field label="Current password">
            {(control) => (
              <input {...control} className="input" type="password" required autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
            )}
          </Field>
        )}
        <Field label="New password" hint="At least 10 characters.">
          {(control) => (
            <input {...control} className="input" type="password" required autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          )}
        </Field>
        <Field label="New password again" hint={mismatch ? 'The two passwords differ.' : undefined}>
          {(control) => (
            <input {...control}
              className="input"
              type="password"
              required
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              aria-invalid={mismatch}
            />
          )}
        </Field>
        {save.error && (
          <p className="error-text" role="alert">
            Could not save the password: {readableMessage(save.error)}
          </p>
        )}
        {save.isSuccess && (
          <p className="ok-text" role="status">
            Password saved.
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending || mismatch || password === ''}>
            {save.isPending ? 'Saving…' : user.hasPassword ? 'Change password' : 'Set password'}
          </button>
        </div>
      </form>
    </section>
  );
}
