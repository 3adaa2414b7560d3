import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { RoleBadge } from '../session/role-badge';
import { asRole, memberControls, roleAllows, roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc, type Member, type Role } from '../trpc';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { ActionsHeader, RemoveRowButton } from '../ui/row-actions';
import { InviteForm } from './invite-form';

/** Who belongs to the workspace; admins change roles, remove members and invite new ones. */
export function MembersSection() {
  const { workspace } = useSession();
  const members = useQuery(trpc.members.list.queryOptions());
  const [removing, setRemoving] = useState<Member | null>(null);
  // A change to one's own role or membership reaches the switcher and every control through `me`.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.account.pathKey() }),
    ]);
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
    }),
  );
  const manageHint = roleHint(workspace.role, 'admin');
  const owners = members.data?.filter((member) => member.role === 'owner').length ?? 0;

  return (
    <section className="panel section" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {members.isPending && <Loading what="members" />}
      {members.isError && <QueryError what="members" error={members.error} />}
      {members.data && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Member</th>
              <th>Role</th>
              <th>Since</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                owners={owners}
                busy={changeRole.isPending || remove.isPending}
                onRole={(role) => changeRole.mutate({ userId: member.userId, role })}
                onRemove={() => setRemoving(member)}
              />
            ))}
          </tbody>
        </table>
      )}
      {changeRole.error && (
        <p className="error-text" role="alert">
          Could not change the role: {readableMessage(changeRole.error)}
        </p>
      )}
      {manageHint ? <p className="muted small">Only admins and owners manage members. {manageHint}</p> : <InviteForm />}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.email ?? 'this member'}?`}
        confirmLabel="Remove from workspace"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ userId: removing.userId })}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        <p>They lose access to the {workspace.name} workspace at once. Their account stays; invite them again to bring them back.</p>
        {remove.error && <p className="error-text">Could not remove: {readableMessage(remove.error)}</p>}
      </ConfirmDialog>
    </section>
  );
}

function MemberRow({
  member,
  owners,
  busy,
  onRole,
  onRemove,
}: {
  member: Member;
  owners: number;
  busy: boolean;
  onRole: (role: Role) => void;
  onRemove: () => void;
}) {
  const { user, workspace } = useSession();
  const controls = memberControls(workspace.role, member.role, owners);
  const isMe = member.userId === user.id;
  return (
    <tr>
      <td>
        <div className="strong">
          {member.email} {isMe && <span className="muted small">(you)</span>}
        </div>
        {member.name && <div className="muted small">{member.name}</div>}
      </td>
      <td>
        {controls.roleOptions.length > 0 ? (
          <select
            className="select"
            aria-label={`Role of ${member.email}`}
            value={member.role}
            disabled={busy}
            onChange={(event) => {
              const role = asRole(event.target.value);
              if (role) onRole(role);
            }}
          >
            {controls.roleOptions.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        ) : (
          <>
            <RoleBadge role={member.role} />
            {/* Readers who cannot manage anyone get one hint for the whole list, below it. */}
            {controls.hint && roleAllows(workspace.role, 'admin') && <div className="muted small">{controls.hint}</div>}
          </>
        )}
      </td>
      <td className="nowrap">{formatDateTime(member.since)}</td>
      <td className="num">
        {controls.canRemove && (
          <RemoveRowButton disabled={busy} onClick={onRemove}>
            {isMe ? 'Leave…' : 'Remove…'}
          </RemoveRowButton>
        )}
      </td>
    </tr>
  );
}
