import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../../session/api-errors';
import { trpc } from '../../trpc';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';

/** A node the contact may be moved to, with the words for it. */
export interface MoveTarget {
  id: string;
  label: string;
}

/**
 * Removing a contact from the journey or moving them to another node. Either asks why: the
 * reason is kept on the contact's trail and in the audit log, for whoever wonders later.
 */
export function ContactActionDialog({
  journeyId,
  contactId,
  who,
  action,
  targets,
  onDone,
  onClose,
}: {
  journeyId: string;
  contactId: string;
  who: string;
  action: 'remove' | 'move';
  targets: readonly MoveTarget[];
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [to, setTo] = useState('');
  const callbacks = {
    onSuccess: () => {
      onDone(action === 'remove' ? `Removed ${who} from the journey.` : `Moved ${who} to ${targets.find((target) => target.id === to)?.label ?? to}.`);
      // Who waits where, the counts and the contact's own trail all change.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
      ]);
    },
  };
  const remove = useMutation(trpc.journeys.removeContact.mutationOptions(callbacks));
  const move = useMutation(trpc.journeys.moveContact.mutationOptions(callbacks));
  const pending = remove.isPending || move.isPending;
  const error = remove.error ?? move.error;
  const ready = reason.trim() !== '' && (action === 'remove' || to !== '');

  return (
    <Dialog open title={action === 'remove' ? `Remove ${who} from the journey?` : `Move ${who}`} onClose={() => !pending && onClose()}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          const input = { id: journeyId, contactId, reason: reason.trim() };
          if (action === 'remove') remove.mutate(input);
          else move.mutate({ ...input, toNodeId: to });
        }}
      >
        {action === 'remove' ? (
          <p>They get none of the remaining steps. They can enter again as the journey's re-entry setting allows.</p>
        ) : (
          <Field label="Move to" hint="They continue from that node, on the version they entered.">
            {(control) => (
              <select {...control} className="select" required value={to} onChange={(event) => setTo(event.target.value)}>
                <option value="">Choose a node…</option>
                {targets.map((target) => (
                  <option key={target.id} value={target.id}>
                    {target.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Reason" hint="Kept on the contact's trail and in the audit log.">
          {(control) => (
            <textarea {...control} className="input" required rows={3} value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. Asked by support ticket #123" />
          )}
        </Field>
        {error && (
          <p className="error-text" role="alert">
            Could not {action} {who}: {readableMessage(error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className={`button ${action === 'remove' ? 'button--danger' : 'button--primary'}`} disabled={!ready || pending}>
            {pending ? 'Working…' : action === 'remove' ? 'Remove' : 'Move'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
