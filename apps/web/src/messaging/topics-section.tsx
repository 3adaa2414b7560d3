import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc } from '../trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Dialog } from '../ui/dialog';
import { EmptyState } from '../ui/empty-state';
import { Field } from '../ui/field';
import { Loading, QueryError } from '../ui/query-status';
import { ActionsHeader, RemoveRowButton } from '../ui/row-actions';
import { slugFrom } from '../ui/slug';
import { apiProblems } from './api-problems';
import type { Topic } from './messaging-types';

/** A topic id's longest (the server's rule: lower-case letters, digits and dashes). */
const topicIdLength = 40;

const refresh = () =>
  Promise.all([queryClient.invalidateQueries({ queryKey: trpc.policy.topics.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() })]);

/**
 * What marketing messages are about (newsletter, offers, product news): a send step names a
 * topic by its id, and a contact can leave one topic and keep the others. Admins add, rename
 * and remove topics; the id never changes.
 */
export function TopicsSection() {
  const { workspace } = useSession();
  const topics = useQuery(trpc.policy.topics.queryOptions());
  const [editing, setEditing] = useState<Topic | null>(null);
  const [removing, setRemoving] = useState<Topic | null>(null);
  const remove = useMutation(
    trpc.policy.removeTopic.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
    }),
  );
  const readOnlyWhy = roleHint(workspace.role, 'admin');

  return (
    <section className="panel section" aria-labelledby="topics-title">
      <h2 id="topics-title">Topics</h2>
      <p className="muted">
        A marketing send step names its topic by id; a contact who leaves a topic (on the preference page, or here on their page) still
        gets the others. A message without a topic counts as the channel's marketing as a whole.
      </p>
      {topics.isPending && <Loading what="topics" />}
      {topics.isError && <QueryError what="topics" error={topics.error} />}
      {topics.data?.length === 0 && (
        <EmptyState title="No topics yet">
          <p className="muted">Without topics a contact can only leave all marketing of a channel at once.</p>
        </EmptyState>
      )}
      {topics.data && topics.data.length > 0 && (
        <table className="table table--compact" aria-label="Topics">
          <thead>
            <tr>
              <th>Name</th>
              <th>Id</th>
              <th>Description</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {topics.data.map((topic) => (
              <tr key={topic.id}>
                <td className="strong">{topic.name}</td>
                <td>
                  <code>{topic.id}</code>
                </td>
                <td>{topic.description || <span className="muted">—</span>}</td>
                <td className="num nowrap">
                  {!readOnlyWhy && (
                    <span className="row-actions">
                      <button type="button" className="button button--small" onClick={() => setEditing(topic)} aria-label={`Edit ${topic.name}`}>
                        Edit…
                      </button>
                      <RemoveRowButton onClick={() => setRemoving(topic)} label={`Remove ${topic.name}`} />
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {readOnlyWhy ? (
        <p className="muted small">Only admins and owners add, rename and remove topics. {readOnlyWhy}</p>
      ) : (
        <NewTopicForm existing={topics.data?.map((topic) => topic.id) ?? []} />
      )}
      <Dialog open={editing !== null} title={`Edit ${editing?.name ?? 'topic'}`} onClose={() => setEditing(null)}>
        {editing && <EditTopicForm topic={editing} onDone={() => setEditing(null)} />}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'this topic'}?`}
        confirmLabel="Remove topic"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        <p>
          The preference page stops offering <code>{removing?.id}</code>. Contacts' choices about it stay in their consent history, and a
          send step that still names it keeps sending under it: change those steps first.
        </p>
        {remove.error && <p className="error-text">Could not remove: {readableMessage(remove.error)}</p>}
      </ConfirmDialog>
    </section>
  );
}

/** A new topic: its id follows the name until typed over, since steps name it forever after. */
function NewTopicForm({ existing }: { existing: string[] }) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTyped, setIdTyped] = useState(false);
  const [description, setDescription] = useState('');
  const save = useMutation(
    trpc.policy.saveTopic.mutationOptions({
      onSuccess: async () => {
        setName('');
        setId('');
        setIdTyped(false);
        setDescription('');
        await refresh();
      },
    }),
  );
  const problems = apiProblems(save.error);
  const taken = existing.includes(id);
  const idHint = taken ? `There is a topic "${id}" already: edit it instead.` : (problems.byField.id ?? 'Send steps name the topic by this id; it cannot change later.');

  return (
    <form
      className="form form--inline topic-form"
      aria-label="Add a topic"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id, name, description });
      }}
    >
      <Field label="Topic name" hint={problems.byField.name}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={name}
            placeholder="e.g. Offers"
            aria-invalid={problems.byField.name ? true : undefined}
            onChange={(event) => {
              setName(event.target.value);
              if (!idTyped) setId(slugFrom(event.target.value, topicIdLength));
            }}
          />
        )}
      </Field>
      <Field label="Topic id" hint={idHint}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={id}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={taken || problems.byField.id ? true : undefined}
            onChange={(event) => {
              setIdTyped(true);
              setId(event.target.value.toLowerCase());
            }}
          />
        )}
      </Field>
      <Field label="Description" hint={problems.byField.description ?? 'Shown on the preference page.'}>
        {(control) => <input {...control} className="input topic-form__description" value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={save.isPending || !name.trim() || !id || taken}>
        {save.isPending ? 'Adding…' : 'Add topic'}
      </button>
      {problems.general.length > 0 && (
        <p className="error-text" role="alert">
          Not added: {problems.general.join('; ')}
        </p>
      )}
    </form>
  );
}

/** A topic's name and description; its id stays, since send steps and consents name it. */
function EditTopicForm({ topic, onDone }: { topic: Topic; onDone: () => void }) {
  const [name, setName] = useState(topic.name);
  const [description, setDescription] = useState(topic.description);
  const save = useMutation(
    trpc.policy.saveTopic.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const problems = apiProblems(save.error);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: topic.id, name, description });
      }}
    >
      <p className="muted">
        Id <code>{topic.id}</code> stays: send steps and contacts' choices name it.
      </p>
      <Field label="Name" hint={problems.byField.name}>
        {(control) => <input {...control} className="input" value={name} aria-invalid={problems.byField.name ? true : undefined} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label="Description" hint={problems.byField.description ?? 'Shown on the preference page.'}>
        {(control) => <textarea {...control} className="input" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      {problems.general.length > 0 && <p className="error-text">Not saved: {problems.general.join('; ')}</p>}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onDone} disabled={save.isPending}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending || !name.trim()}>
          {save.isPending ? 'Saving…' : 'Save topic'}
        </button>
      </div>
    </form>
  );
}
