import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc } from '../trpc';
import { Loading, QueryError } from '../ui/query-status';
import { apiProblems, unplacedProblems } from './api-problems';
import { ChannelFields } from './channel-fields';
import { channels, type MessagePolicy } from './messaging-types';
import { draftChanged, draftOf, policyInput, type PolicyDraft } from './policy-draft';
import { QuietHoursFields } from './quiet-hours-fields';

/** Every field path the form shows a problem at; any other is listed under the form. */
const placed = new Set([
  ...channels.flatMap((channel) => [`${channel}.cap.count`, `${channel}.cap.perDays`, `${channel}.cap`, `${channel}.requireOptIn`]),
  'quietHours.start',
  'quietHours.end',
  'quietHours.channels',
  'quietHours.defaultTimeZone',
  'quietHours',
]);

/**
 * The workspace's message policy: caps and opt-in per channel, and quiet hours. Everyone sees
 * it; admins change it (the server refuses anyone else). One save for the whole policy, which
 * applies from the next send; a refused field shows the server's words beside it.
 */
export function PolicyForm() {
  const policy = useQuery(trpc.policy.get.queryOptions());
  if (policy.isPending) return <Loading what="the message policy" />;
  if (policy.isError) return <QueryError what="the message policy" error={policy.error} />;
  return <PolicyEditor saved={policy.data} />;
}

function PolicyEditor({ saved }: { saved: MessagePolicy }) {
  const { workspace } = useSession();
  const readOnlyWhy = roleHint(workspace.role, 'admin');
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(saved));
  const save = useMutation(
    trpc.policy.save.mutationOptions({
      onSuccess: async (policy) => {
        queryClient.setQueryData(trpc.policy.get.queryKey(), policy);
        setDraft(draftOf(policy));
        await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
    }),
  );
  const problems = apiProblems(save.error);
  const others = unplacedProblems(problems, placed);
  const changed = draftChanged(draft, saved);
  const edit = (change: Partial<PolicyDraft>) => setDraft((current) => ({ ...current, ...change }));

  return (
    <form
      className="policy-form"
      aria-label="Message policy"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(policyInput(draft));
      }}
    >
      <section className="panel section" aria-labelledby="channels-title">
        <h2 id="channels-title">Channels</h2>
        <p className="muted">
          Caps and consent apply to marketing messages. Transactional ones (an order, a password reset) are never capped or held, and
          need no consent; nothing at all goes to a suppressed address.
        </p>
        <div className="channel-policies">
          {channels.map((channel) => (
            <ChannelFields
              key={channel}
              channel={channel}
              draft={draft[channel]}
              problems={problems}
              disabled={readOnlyWhy !== null}
              onChange={(change) => edit({ [channel]: { ...draft[channel], ...change } })}
            />
          ))}
        </div>
      </section>
      <QuietHoursFields draft={draft} problems={problems} disabled={readOnlyWhy !== null} onChange={edit} />
      <div className="policy-form__actions">
        {readOnlyWhy ? (
          <p className="muted small">Only admins and owners change the message policy. {readOnlyWhy}</p>
        ) : (
          <>
            <button type="submit" className="button button--primary" disabled={!changed || save.isPending}>
              {save.isPending ? 'Saving…' : 'Save policy'}
            </button>
            {changed && (
              <button type="button" className="button" onClick={() => {
                  setDraft(draftOf(saved));
                  save.reset();
                }}>
                Discard changes
              </button>
            )}
          </>
        )}
        {save.isSuccess && !changed && (
          <span className="ok-text" role="status">
            Saved: it applies from the next send.
          </span>
        )}
        {save.isError && (
          <span className="error-text" role="alert">
            Not saved: {others.length > 0 ? others.join('; ') : 'fix the fields marked above.'}
          </span>
        )}
      </div>
    </form>
  );
}
