import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiProblems, unplacedProblems } from '../messaging/api-problems';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc } from '../trpc';
import { Field } from '../ui/field';
import { Loading, QueryError } from '../ui/query-status';
import { atField, senderChanged, senderInput, type SavedSender } from './sender';

/**
 * Who the workspace's emails come from and where replies go. A send step may name its own
 * sender or reply-to; this is what every other email uses, from the next one on.
 */
export function SenderSection() {
  const sender = useQuery(trpc.system.sender.queryOptions());
  return (
    <section className="panel section" aria-labelledby="sender-title">
      <h2 id="sender-title">Sender</h2>
      <p className="muted">
        The From of the workspace&apos;s emails, and where replies go. Authenticate the from address&apos;s domain at your mail provider (its
        SPF and DKIM records): mailboxes send unauthenticated mail to spam, or refuse it.
      </p>
      {sender.isPending && <Loading what="the sender" />}
      {sender.isError && <QueryError what="the sender" error={sender.error} />}
      {sender.data && <SenderForm saved={sender.data} />}
    </section>
  );
}

function SenderForm({ saved }: { saved: SavedSender }) {
  const { workspace } = useSession();
  const [from, setFrom] = useState(saved.from);
  const [replyTo, setReplyTo] = useState(saved.replyTo ?? '');
  const save = useMutation(
    trpc.system.saveSender.mutationOptions({
      onSuccess: (kept) => {
        setFrom(kept.from);
        setReplyTo(kept.replyTo ?? '');
        queryClient.setQueryData(trpc.system.sender.queryKey(), kept);
        return queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
    }),
  );
  const readOnlyWhy = roleHint(workspace.role, 'admin');
  const problems = apiProblems(save.error);
  const fromProblem = atField(problems.byField.from, 'from');
  const replyToProblem = atField(problems.byField.replyTo, 'replyTo');
  const others = unplacedProblems(problems, new Set(['from', 'replyTo']));
  const form = { from, replyTo };
  const changed = senderChanged(saved, form);

  return (
    <form
      className="form form--narrow"
      aria-label="Sender"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(senderInput(form));
      }}
    >
      <Field label="From" hint={fromProblem ?? 'A name and an address, e.g. Shop <hello@shop.example>, or just the address.'}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={from}
            readOnly={readOnlyWhy !== null}
            spellCheck={false}
            placeholder="Shop <hello@shop.example>"
            aria-invalid={fromProblem ? true : undefined}
            onChange={(event) => {
              setFrom(event.target.value);
              save.reset();
            }}
          />
        )}
      </Field>
      <Field label="Reply-to" hint={replyToProblem ?? 'Where replies go, e.g. Help <help@shop.example>. Empty: to the from address.'}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={replyTo}
            readOnly={readOnlyWhy !== null}
            spellCheck={false}
            placeholder={readOnlyWhy ? 'None: replies go to the from address' : 'Help <help@shop.example>'}
            aria-invalid={replyToProblem ? true : undefined}
            onChange={(event) => {
              setReplyTo(event.target.value);
              save.reset();
            }}
          />
        )}
      </Field>
      {readOnlyWhy ? (
        <p className="muted small">Only admins and owners change the sender. {readOnlyWhy}</p>
      ) : (
        <div className="form__actions">
          {save.isSuccess && !changed && (
            <span className="ok-text" role="status">
              Saved: the next email goes out this way.
            </span>
          )}
          <button type="submit" className="button button--primary" disabled={!changed || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save sender'}
          </button>
        </div>
      )}
      {others.length > 0 && (
        <p className="error-text" role="alert">
          Not saved: {others.join('; ')}
        </p>
      )}
    </form>
  );
}
