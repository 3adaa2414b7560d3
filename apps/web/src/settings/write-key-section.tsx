import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc } from '../trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CopyButton } from '../ui/copy-button';
import { Field } from '../ui/field';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { parseGraceHours, previousKeyNote } from './write-key';

/**
 * The key the shop's clients send events with. Rotating it keeps the old one working for a
 * grace period, so clients can move over without losing events.
 */
export function WriteKeySection() {
  const { workspace: session } = useSession();
  const workspace = useQuery(trpc.system.workspace.queryOptions(undefined, { staleTime: Infinity }));
  const [graceText, setGraceText] = useState('24');
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.system.rotateWriteKey.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        return Promise.all([queryClient.invalidateQueries({ queryKey: trpc.system.workspace.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() })]);
      },
    }),
  );
  const graceHours = parseGraceHours(graceText);
  const hint = roleHint(session.role, 'admin');
  // As of when the key was read: the page re-reads it after a rotation.
  const previousNote = previousKeyNote(workspace.data?.previousWriteKeyExpiresAt ?? null, workspace.dataUpdatedAt, formatDateTime);

  return (
    <section className="panel section" aria-labelledby="write-key-title">
      <h2 id="write-key-title">Write key</h2>
      <p className="muted">Sent by the shop&apos;s clients with every event (the HTTP Basic username of the ingestion API).</p>
      {workspace.isPending && <Loading what="the write key" />}
      {workspace.isError && <QueryError what="the write key" error={workspace.error} />}
      {workspace.data && (
        <>
          <div className="secret__row">
            <code className="secret__value write-key">{workspace.data.writeKey}</code>
            <CopyButton value={workspace.data.writeKey} />
          </div>
          {previousNote && !rotate.data && <p className="small">{previousNote}</p>}
        </>
      )}
      {rotate.data && (
        <p className="ok-text" role="status">
          New key in place. The old key stops working at {formatDateTime(rotate.data.previousWriteKeyExpiresAt)}: move your clients
          to the new one before then.
        </p>
      )}
      {hint ? (
        <p className="muted small">Only admins and owners rotate the write key. {hint}</p>
      ) : (
        <form
          className="form form--inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (graceHours.ok) setConfirming(true);
          }}
        >
          <Field label="Grace period (hours)" hint={graceHours.ok ? 'How long the old key keeps working.' : graceHours.problem}>
            {(control) => (
              <input {...control}
                className="input input--number"
                type="number"
                min={0}
                max={720}
                step={1}
                value={graceText}
                onChange={(event) => setGraceText(event.target.value)}
                aria-invalid={!graceHours.ok}
              />
            )}
          </Field>
          <button type="submit" className="button button--danger-outline" disabled={!graceHours.ok || rotate.isPending}>
            Rotate write key…
          </button>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title="Rotate the write key?"
        confirmLabel="Rotate"
        busy={rotate.isPending}
        onConfirm={() => graceHours.ok && rotate.mutate({ graceHours: graceHours.hours })}
        onCancel={() => {
          setConfirming(false);
          rotate.reset();
        }}
      >
        <p>
          A new key replaces the current one.{' '}
          {graceHours.ok && graceHours.hours === 0
            ? 'The current key stops working at once: events sent with it are refused.'
            : `The current key keeps working for ${graceText} more hours; after that, events sent with it are refused.`}
        </p>
        {rotate.error && <p className="error-text">Could not rotate: {readableMessage(rotate.error)}</p>}
      </ConfirmDialog>
    </section>
  );
}
