import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc } from '../trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { EmptyState } from '../ui/empty-state';
import { Field } from '../ui/field';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { ActionsHeader, RemoveRowButton } from '../ui/row-actions';
import { secretReference, typedSecretName } from './secrets';

type Secret = inferOutput<typeof trpc.secrets.list>[number];

const refresh = () =>
  Promise.all([queryClient.invalidateQueries({ queryKey: trpc.secrets.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() })]);

/**
 * Credentials webhooks send in a header, which journeys name but never hold. Everyone sees the
 * names; admins add, replace and remove them; nobody reads a value back.
 */
export function SecretsSection() {
  const { workspace } = useSession();
  const secrets = useQuery(trpc.secrets.list.queryOptions());
  const [removing, setRemoving] = useState<Secret | null>(null);
  const remove = useMutation(
    trpc.secrets.remove.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
    }),
  );
  const hint = roleHint(workspace.role, 'admin');

  return (
    <section className="panel section" aria-labelledby="secrets-title">
      <h2 id="secrets-title">Secrets</h2>
      <p className="muted">
        Credentials a webhook sends in a header, e.g. <code>Authorization: Bearer {secretReference('CRM_TOKEN')}</code>. A journey holds
        only the name: the worker fills in the value when it makes the call. Values cannot be read back, only replaced.
      </p>
      {secrets.isPending && <Loading what="secrets" />}
      {secrets.isError && <QueryError what="secrets" error={secrets.error} />}
      {secrets.data?.length === 0 && (
        <EmptyState title="No secrets yet">
          <p className="muted">{hint ? 'An admin adds the credentials webhooks need here.' : 'Add the credentials your webhooks need below.'}</p>
        </EmptyState>
      )}
      {secrets.data && secrets.data.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Name</th>
              <th>In a header</th>
              <th>Set by</th>
              <th>Updated</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {secrets.data.map((secret) => (
              <tr key={secret.name}>
                <td className="strong">
                  <code>{secret.name}</code>
                </td>
                <td className="nowrap">
                  <code>{secretReference(secret.name)}</code> <CopyButton value={secretReference(secret.name)} />
                </td>
                <td>{secret.updatedBy}</td>
                <td className="nowrap">{formatDateTime(secret.updatedAt)}</td>
                <td className="num">
                  {!hint && (
                    <RemoveRowButton onClick={() => setRemoving(secret)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hint ? (
        <p className="muted small">Only admins and owners add, replace and remove secrets. {hint}</p>
      ) : (
        <SecretForm existing={secrets.data?.map((secret) => secret.name) ?? []} />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'this secret'}?`}
        confirmLabel="Remove secret"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ name: removing.name })}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        <p>
          Webhooks that read <code>{secretReference(removing?.name ?? '')}</code> fail, naming it, until it is added again, and journeys
          that read it cannot be published. The value is gone for good.
        </p>
        {remove.error && <p className="error-text">Could not remove: {readableMessage(remove.error)}</p>}
      </ConfirmDialog>
    </section>
  );
}

/**
 * Adds a secret or replaces one of the same name. The value lives in this form until it is
 * saved, and nowhere after: the field is cleared and the finished mutation forgotten at once.
 */
function SecretForm({ existing }: { existing: string[] }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<{ name: string; replaced: boolean } | null>(null);
  const save = useMutation(
    trpc.secrets.set.mutationOptions({
      gcTime: 0,
      onSuccess: (result) => {
        setSaved(result);
        setName('');
        setValue('');
        return refresh();
      },
    }),
  );
  const replacing = existing.includes(name);

  return (
    <div className="section">
      <h3>Add or replace a secret</h3>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(null);
          save.mutate({ name, value });
        }}
      >
        <Field label="Name" hint="Upper-case letters, digits and underscores.">
          {(control) => (
            <input {...control}
              className="input"
              required
              autoComplete="off"
              spellCheck={false}
              value={name}
              onChange={(event) => setName(typedSecretName(event.target.value))}
              placeholder="e.g. CRM_TOKEN"
            />
          )}
        </Field>
        <Field label="Value" hint={replacing ? `Replaces the current value of ${name}.` : 'Shown to nobody once saved.'}>
          {(control) => (
            <input {...control} className="input" type="password" required autoComplete="new-password" value={value} onChange={(event) => setValue(event.target.value)} />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={save.isPending || name === '' || value === ''}>
          {save.isPending ? 'Saving…' : replacing ? 'Replace secret' : 'Add secret'}
        </button>
      </form>
      {save.error && (
        <p className="error-text" role="alert">
          Could not save the secret: {readableMessage(save.error)}
        </p>
      )}
      {saved && (
        <p className="ok-text" role="status">
          {saved.replaced ? `${saved.name} replaced` : `${saved.name} added`}. Use it in a webhook header as <code>{secretReference(saved.name)}</code>.
        </p>
      )}
    </div>
  );
}
