import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate } from '../routing/use-route';
import { readableMessage } from '../session/api-errors';
import { switchWorkspace } from '../session/session-actions';
import { queryClient, trpc } from '../trpc';
import { Field } from '../ui/field';
import { workspaceIdFrom, workspaceIdPattern } from './workspace-id';

/**
 * A new workspace, owned by whoever makes it; the console switches to it. The id is suggested
 * from the name until the reader types one.
 */
export function NewWorkspaceForm({ onCancel }: { onCancel?: () => void }) {
  const [name, setName] = useState('');
  const [typedId, setTypedId] = useState<string | null>(null);
  const [emailFrom, setEmailFrom] = useState('');
  const id = typedId ?? workspaceIdFrom(name);
  const create = useMutation(
    trpc.account.createWorkspace.mutationOptions({
      onSuccess: async (created) => {
        // The switcher and the gate list the user's workspaces from `me`: it must know the new one first.
        await queryClient.refetchQueries({ queryKey: trpc.account.me.queryKey() });
        switchWorkspace(created.id);
        navigate({ page: 'journeys' });
      },
    }),
  );
  const idProblem = id !== '' && !workspaceIdPattern.test(id) ? '2 to 39 lower-case letters, digits or dashes, starting with a letter or digit' : null;

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ id, name: name.trim(), emailFrom: emailFrom.trim() });
      }}
    >
      <Field label="Name">
        {(control) => (
          <input {...control} className="input" required value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Acme Shop" />
        )}
      </Field>
      <Field label="Id" hint={idProblem ?? 'Used in URLs and by the CLI; it cannot be changed later.'}>
        {(control) => (
          <input {...control}
            className="input"
            required
            value={id}
            onChange={(event) => setTypedId(event.target.value)}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={idProblem !== null}
          />
        )}
      </Field>
      <Field label="Sender address" hint="The default From of its emails.">
        {(control) => (
          <input {...control} className="input" required value={emailFrom} onChange={(event) => setEmailFrom(event.target.value)} placeholder="Acme <hello@acme.example>" />
        )}
      </Field>
      {create.error && (
        <p className="error-text" role="alert">
          Could not create the workspace: {readableMessage(create.error)}
        </p>
      )}
      <div className="form__actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={create.isPending}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={create.isPending || idProblem !== null || id === ''}>
          {create.isPending ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
