import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate } from '../routing/use-route';
import { readableMessage } from '../session/api-errors';
import { roleAllows } from '../session/roles';
import { useSession } from '../session/session-context';
import { trpc, trpcClient } from '../trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';

/**
 * An admin's answers to a data-subject request: everything Tend holds on the contact as a JSON
 * download, and erasure (after a question that says it cannot be undone), which ends on the list.
 * Other roles see neither: the server refuses them anyway.
 */
export function ContactAdminActions({ contactId, label }: { contactId: string; label: string }) {
  const { workspace } = useSession();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const exportData = useMutation({
    mutationFn: () => trpcClient.contacts.export.query({ id: contactId }),
    onSuccess: (data) => download(`contact-${contactId}.json`, JSON.stringify(data, null, 2)),
  });
  const erase = useMutation(
    trpc.contacts.erase.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        navigate({ page: 'contacts' });
        await queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
      },
    }),
  );
  if (!roleAllows(workspace.role, 'admin')) return null;

  return (
    <div className="contact-actions">
      <button type="button" className="button" disabled={exportData.isPending} onClick={() => exportData.mutate()}>
        {exportData.isPending ? 'Exporting…' : 'Export data (JSON)'}
      </button>
      <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
        Erase contact…
      </button>
      {exportData.error && (
        <span className="error-text" role="alert">
          Could not export: {readableMessage(exportData.error)}
        </span>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Erase ${label}?`}
        confirmLabel="Erase contact"
        busy={erase.isPending}
        onConfirm={() => erase.mutate({ id: contactId, confirm: true })}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <strong>This cannot be undone.</strong> Their profile, events, list and segment memberships are deleted, and their running journeys are
          stopped. The audit log keeps only that an erasure happened, with counts.
        </p>
        <p className="muted">Export their data first if they asked for a copy.</p>
        {erase.error && (
          <p className="error-text" role="alert">
            Could not erase: {readableMessage(erase.error)}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

/** Saves text as a file, as a link to it with `download` would. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is not needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
