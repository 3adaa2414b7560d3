import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { hrefFor } from '../routing/route';
import { readableMessage } from '../session/api-errors';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { trpc } from '../trpc';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { NewItemDialog } from './new-item-dialog';
import { kindNames, libraryGroups, liveText } from './template-list';
import type { TemplateKind, TemplateSummary } from './template-types';
import './templates.css';

/**
 * The workspace's email library: templates (what a send-email step sends), the layouts they sit
 * in and the partials they share, each with its live version and the journeys that send it.
 */
export function TemplatesPage() {
  const library = useQuery(trpc.templates.list.queryOptions());
  const readOnly = roleHint(useSession().workspace.role, 'marketer');
  const [creating, setCreating] = useState<TemplateKind | null>(null);
  const { groups, archived } = libraryGroups(library.data ?? []);

  return (
    <div className="page page--wide">
      <header className="page__header templates-header">
        <div>
          <h1>Templates</h1>
          <p className="muted">
            Emails written once in MJML (or HTML) with Liquid, sent by journeys. Sends use the live version of a template and of the layouts and partials it uses, so
            publishing a fixed footer fixes every email from then on.
          </p>
        </div>
        {readOnly === null ? (
          <div className="templates-header__actions">
            {(['template', 'layout', 'partial'] as const).map((kind) => (
              <button key={kind} type="button" className={kind === 'template' ? 'button button--primary' : 'button'} onClick={() => setCreating(kind)}>
                New {kindNames[kind].one}
              </button>
            ))}
          </div>
        ) : (
          <span className="muted small">Read only. {readOnly}</span>
        )}
      </header>
      {library.isPending && <Loading what="the email templates" />}
      {library.isError && <QueryError what="the email templates" error={library.error} />}
      {library.data?.length === 0 && <EmptyLibrary canCreate={readOnly === null} />}
      {groups.map((group) => (
        <section key={group.kind} className="section" aria-label={kindNames[group.kind].many}>
          <h2>{kindNames[group.kind].many}</h2>
          <p className="muted small">{kindNames[group.kind].what}</p>
          <LibraryTable items={group.items} />
        </section>
      ))}
      {archived.length > 0 && (
        <section className="section" aria-label="Archived">
          <h2>Archived</h2>
          <p className="muted small">Out of use: no journey can send them. Publishing one brings it back.</p>
          <LibraryTable items={archived} />
        </section>
      )}
      {creating && <NewItemDialog initialKind={creating} onClose={() => setCreating(null)} />}
    </div>
  );
}

function EmptyLibrary({ canCreate }: { canCreate: boolean }) {
  const queryClient = useQueryClient();
  const starter = useMutation(
    trpc.templates.createStarterLibrary.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() }) }),
  );
  return (
    <EmptyState title="No email templates yet">
      <p className="muted">A send-email step can write its email inline, or send a template from here, shared by every journey that uses it.</p>
      {canCreate && (
        <p>
          <button type="button" className="button button--primary" disabled={starter.isPending} onClick={() => starter.mutate()}>
            {starter.isPending ? 'Creating…' : 'Start with a base layout, header, footer and product block'}
          </button>
        </p>
      )}
      {canCreate && <p className="muted small">It adds a responsive MJML layout, header, footer (with the unsubscribe link) and product partials, and a published welcome email using them.</p>}
      {starter.error && (
        <p className="error-text" role="alert">
          Could not create them: {readableMessage(starter.error)}
        </p>
      )}
    </EmptyState>
  );
}

function LibraryTable({ items }: { items: TemplateSummary[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Live version</th>
          <th>Sent by</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              <a className="strong" href={hrefFor({ page: 'template', id: item.id })}>
                {item.name}
              </a>
              <div className="muted small">
                <code>{item.id}</code>
              </div>
            </td>
            <td className="nowrap">
              {item.liveVersion === null || item.archivedAt !== null ? <Badge tone={item.archivedAt ? 'neutral' : 'warn'}>{liveText(item)}</Badge> : liveText(item)}
              {item.draftChanged && item.archivedAt === null && (
                <div className="muted small" title="The draft has changes that are not published: publish it to send them">
                  draft has unpublished changes
                </div>
              )}
            </td>
            <td>
              {item.usedBy.length === 0 ? (
                <span className="muted">—</span>
              ) : (
                <span className="templates-used-by">
                  {item.usedBy.map((journeyId) => (
                    <a key={journeyId} href={hrefFor({ page: 'journey', id: journeyId })}>
                      {journeyId}
                    </a>
                  ))}
                </span>
              )}
            </td>
            <td className="nowrap">{formatDateTime(item.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
