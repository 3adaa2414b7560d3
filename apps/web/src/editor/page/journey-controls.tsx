import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { roleHint } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc, type JourneyDetail } from '../../trpc';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { plural } from '../../ui/format';
import { statusActions, statusChangeMessage } from './status-actions';

/**
 * Pause, resume and archive, as the journey's status allows. Archive asks first: it stops
 * every contact in the journey and cannot be undone. Analysts see the buttons off, and why.
 */
export function JourneyControls({ journey, active }: { journey: JourneyDetail; active: number | undefined }) {
  const queryClient = useQueryClient();
  const readOnly = roleHint(useSession().workspace.role, 'marketer');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const callbacks = {
    onSuccess: (result: Parameters<typeof statusChangeMessage>[0]) => {
      setConfirming(false);
      setMessage(statusChangeMessage(result));
      // The journey's status, the list, its counts, and contacts' runs all change.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
      ]);
    },
  };
  const pause = useMutation(trpc.journeys.pause.mutationOptions(callbacks));
  const resume = useMutation(trpc.journeys.resume.mutationOptions(callbacks));
  const archive = useMutation(trpc.journeys.archive.mutationOptions(callbacks));
  const busy = readOnly !== null || pause.isPending || resume.isPending || archive.isPending;
  const error = pause.error ?? resume.error ?? archive.error;
  const actions = statusActions(journey.status);
  const input = { id: journey.id };

  return (
    <div className="journey-controls">
      {actions.length > 0 && (
        <div className="journey-controls__buttons" title={readOnly ?? undefined}>
          {actions.includes('pause') && (
            <button type="button" className="button" disabled={busy} onClick={() => pause.mutate(input)}>
              {pause.isPending ? 'Pausing…' : 'Pause'}
            </button>
          )}
          {actions.includes('resume') && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => resume.mutate(input)}>
              {resume.isPending ? 'Resuming…' : 'Resume'}
            </button>
          )}
          {actions.includes('archive') && (
            <button type="button" className="button button--danger-outline" disabled={busy} onClick={() => setConfirming(true)}>
              Archive…
            </button>
          )}
        </div>
      )}
      {readOnly && actions.length > 0 && <span className="muted small">{readOnly}</span>}
      {journey.status === 'archived' && (
        <span className="muted small">Archived journeys take no new contacts. Publishing it again makes it active.</span>
      )}
      {message && (
        <span className="small" role="status">
          {message}
        </span>
      )}
      {error && (
        <span className="error-text" role="alert">
          Could not change the journey: {error.message}
        </span>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Archive ${journey.name}?`}
        confirmLabel="Archive and stop contacts"
        busy={archive.isPending}
        onConfirm={() => archive.mutate(input)}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {active === undefined ? 'Every contact in the journey' : `The ${plural(active, 'contact')} in the journey now`} will
          be stopped where they are: they get none of the remaining steps. No one new enters, and schedules for this
          journey are removed.
        </p>
        <p className="muted">This cannot be undone. To keep contacts where they are for a while, pause instead.</p>
        {archive.error && <p className="error-text">Could not archive: {archive.error.message}</p>}
      </ConfirmDialog>
    </div>
  );
}
