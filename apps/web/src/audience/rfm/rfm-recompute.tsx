import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { readableMessage } from '../../session/api-errors';
import { roleHint } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc } from '../../trpc';
import { formatCount } from '../audience-format';

/**
 * "Recompute now": RFM, predicted value and every segment, on a worker, as the hourly schedule
 * does. The server waits for it up to a minute; a longer run goes on, and `onUnfinished` lets the
 * page poll for its figures.
 */
export function RfmRecompute({ onUnfinished }: { onUnfinished: (workflowId: string) => void }) {
  const { workspace } = useSession();
  const queryClient = useQueryClient();
  const recompute = useMutation(
    trpc.rfm.recompute.mutationOptions({
      onSuccess: async (result) => {
        if (!result.done) onUnfinished(result.workflowId);
        await Promise.all([trpc.rfm.pathKey(), trpc.segments.pathKey(), trpc.contacts.pathKey()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      },
    }),
  );
  const elapsed = useElapsedSeconds(recompute.isPending ? recompute.submittedAt : null);
  const why = roleHint(workspace.role, 'marketer');
  const result = recompute.data;

  return (
    <div className="rfm-recompute">
      <button type="button" className="button button--primary" disabled={why !== null || recompute.isPending} title={why ?? undefined} onClick={() => recompute.mutate()}>
        {recompute.isPending ? 'Recomputing…' : 'Recompute now'}
      </button>
      {recompute.isPending && (
        <div className="rfm-recompute__status" role="status">
          <div className="progress progress--busy" role="progressbar" aria-label="Recomputing" />
          <span className="muted small">Scoring contacts, fitting the lifetime-value model and recomputing segments on a worker… {elapsed} s</span>
        </div>
      )}
      {result?.done && (
        <p className="ok-text" role="status">
          Done: {formatCount(result.done.rfmScored)} contacts scored, {formatCount(result.done.predicted)} predicted, {formatCount(result.done.segments)}{' '}
          {result.done.segments === 1 ? 'segment' : 'segments'} recomputed ({formatCount(result.done.entered)} entered, {formatCount(result.done.exited)} left).
        </p>
      )}
      {result && !result.done && (
        <p className="muted small" role="status">
          Still running on a worker (<code>{result.workflowId}</code>): the figures here update when it is done.
        </p>
      )}
      {recompute.error && (
        <p className="error-text" role="alert">
          The recompute failed: {readableMessage(recompute.error)}
        </p>
      )}
    </div>
  );
}

/** Whole seconds since `since` (epoch ms), ticking each second; 0 when nothing runs. */
function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null || now === null ? 0 : Math.max(0, Math.round((now - since) / 1_000));
}
