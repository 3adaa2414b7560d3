import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { grantableRoles } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc, type Role } from '../trpc';
import { Field } from '../ui/field';
import { OneTimeSecret } from '../ui/one-time-secret';
import { RoleField } from './role-field';
import { absoluteLink } from './links';

/** An invitation link for a role; the server shows it once, so it is shown here until put away. */
export function InviteForm() {
  const { workspace } = useSession();
  const roles = grantableRoles(workspace.role);
  const [role, setRole] = useState<Role>('marketer');
  const [email, setEmail] = useState('');
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: () => {
        setEmail('');
        return queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
    }),
  );
  const created = invite.data;

  return (
    <div className="section">
      <h3>Invite someone</h3>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate({ role, email: email.trim() === '' ? undefined : email.trim() });
        }}
      >
        <RoleField value={role} roles={roles} onChange={setRole} />
        <Field label="Email (optional, for the log)">
          {(control) => (
            <input {...control} className="input" type="email" value={email} onChange={(event) => setEmail(event.target.value)} placeholder="ada@shop.example" />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {invite.isPending ? 'Creating link…' : 'Create invitation link'}
        </button>
      </form>
      {invite.error && (
        <p className="error-text" role="alert">
          Could not invite: {readableMessage(invite.error)}
        </p>
      )}
      {created && (
        <OneTimeSecret title="Invitation link" value={absoluteLink(created.link, window.location.origin)} onDismiss={() => invite.reset()}>
          <p className="small">
            Send it to the person you are inviting: whoever opens it joins {workspace.name} as {invite.variables?.role ?? role}. It
            works once and expires in 7 days.
          </p>
        </OneTimeSecret>
      )}
    </div>
  );
}
