import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { tokenRoles } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc, type Role } from '../trpc';
import { CodeBlock } from '../ui/code-block';
import { Field } from '../ui/field';
import { OneTimeSecret } from '../ui/one-time-secret';
import { RoleField } from './role-field';
import { loginCommand } from './links';

/** A new API token. Its secret is in the server's answer and nowhere else, so it is shown once. */
export function NewTokenForm() {
  const { workspace } = useSession();
  const roles = tokenRoles(workspace.role);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('marketer');
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: () => {
        setName('');
        return Promise.all([queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() })]);
      },
    }),
  );

  return (
    <div className="section">
      <h3>Create a token</h3>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), role });
        }}
      >
        <Field label="Name">
          {(control) => (
            <input {...control} className="input" required value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. CI publish" />
          )}
        </Field>
        <RoleField value={role} roles={roles} onChange={setRole} />
        <button type="submit" className="button button--primary" disabled={create.isPending || name.trim() === ''}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {create.error && (
        <p className="error-text" role="alert">
          Could not create the token: {readableMessage(create.error)}
        </p>
      )}
      {create.data && (
        <OneTimeSecret title={`Token "${create.variables?.name ?? ''}"`} value={create.data.token} onDismiss={() => create.reset()}>
          <p className="small">Tend keeps only a hash of it: once hidden, it cannot be shown again. To use it from a terminal:</p>
          <CodeBlock>{loginCommand(window.location.origin, create.data.token)}</CodeBlock>
          <p className="muted small">
            In CI, set <code>TEND_URL</code> and <code>TEND_TOKEN</code> instead.
          </p>
        </OneTimeSecret>
      )}
    </div>
  );
}
