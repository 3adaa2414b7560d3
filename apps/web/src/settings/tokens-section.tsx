import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { RoleBadge } from '../session/role-badge';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { queryClient, trpc, type ApiToken } from '../trpc';
import { Badge } from '../ui/badge';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { ActionsHeader, RemoveRowButton } from '../ui/row-actions';
import { NewTokenForm } from './new-token-form';

/** API tokens let the CLI and CI act in this workspace; admins make and revoke them. */
export function TokensSection() {
  const { workspace } = useSession();
  const hint = roleHint(workspace.role, 'admin');
  return (
    <section className="panel section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted">
        The CLI (<code>tend publish</code>) and CI act in this workspace with an API token, each with its own role.
      </p>
      {hint ? <p className="muted small">Only admins and owners see and manage API tokens. {hint}</p> : <Tokens />}
    </section>
  );
}

function Tokens() {
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: () => {
        setRevoking(null);
        return Promise.all([queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() })]);
      },
    }),
  );

  return (
    <>
      {tokens.isPending && <Loading what="API tokens" />}
      {tokens.isError && <QueryError what="API tokens" error={tokens.error} />}
      {tokens.data?.length === 0 && (
        <EmptyState title="No API tokens yet">
          <p className="muted">Create one below for the CLI or a CI job.</p>
        </EmptyState>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Status</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <td className="strong">{token.name}</td>
                <td>
                  <RoleBadge role={token.role} />
                </td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td className="nowrap">{formatDateTime(token.createdAt)}</td>
                <td className="nowrap">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">never</span>}</td>
                <td className="nowrap">
                  {token.revokedAt ? (
                    <Badge tone="bad" title={`Revoked ${formatDateTime(token.revokedAt)}`}>
                      revoked
                    </Badge>
                  ) : (
                    <Badge tone="good">active</Badge>
                  )}
                  {token.revokedAt && <div className="muted small">{formatDateTime(token.revokedAt)}</div>}
                </td>
                <td className="num">
                  {!token.revokedAt && (
                    <RemoveRowButton onClick={() => setRevoking(token)}>Revoke…</RemoveRowButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewTokenForm />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke "${revoking?.name ?? ''}"?`}
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        <p>Anything using this token (a CLI, a CI job) is refused from now on. This cannot be undone: create a new token instead.</p>
        {revoke.error && <p className="error-text">Could not revoke: {readableMessage(revoke.error)}</p>}
      </ConfirmDialog>
    </>
  );
}
