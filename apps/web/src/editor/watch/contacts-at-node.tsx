import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { hrefFor } from '../../routing/route';
import { roleAllows } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc } from '../../trpc';
import { formatDateTime, formatShortDateTime } from '../../ui/format';
import { Loading, QueryError } from '../../ui/query-status';
import { useCatalogue } from '../catalogue';
import type { EditorNode } from '../store/editor-types';
import { ContactActionDialog, type MoveTarget } from './contact-action-dialog';
import './watch.css';

const pageSize = 25;

interface Acting {
  contactId: string;
  who: string;
  action: 'remove' | 'move';
}

/**
 * The contacts at one node of the journey now, longest there first, searchable. Marketers can
 * take one out or move them to another node; either way they say why.
 */
export function ContactsAtNode(props: { journeyId: string; nodeId: string; nodes: readonly EditorNode[] }) {
  // Another node is another list: its search and messages start afresh.
  return <ContactsAtOneNode key={props.nodeId} {...props} />;
}

function ContactsAtOneNode({ journeyId, nodeId, nodes }: { journeyId: string; nodeId: string; nodes: readonly EditorNode[] }) {
  const canAct = roleAllows(useSession().workspace.role, 'marketer');
  const catalogue = useCatalogue().data;
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [acting, setActing] = useState<Acting | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The run leaves the node a moment after the command is sent: until the list catches up, the
  // contacts a person just moved or removed from here are not shown as still here.
  const [sentAway, setSentAway] = useState<ReadonlySet<string>>(new Set());
  const list = useInfiniteQuery(
    trpc.journeys.contactsAt.infiniteQueryOptions(
      { id: journeyId, nodeId, search: search || undefined, limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor, refetchInterval: 10_000 },
    ),
  );
  const contacts = (list.data?.pages.flatMap((page) => page.contacts) ?? []).filter((contact) => !sentAway.has(contact.contactId));
  const titleOf = (type: string) => catalogue?.find((entry) => entry.type === type)?.title ?? type;
  // Triggers only start runs: nobody can be put at one.
  const targets: MoveTarget[] = nodes
    .filter((node) => node.id !== nodeId && catalogue?.find((entry) => entry.type === node.type)?.category !== 'trigger')
    .map((node) => ({ id: node.id, label: `${titleOf(node.type)} (${node.id})` }));

  return (
    <section className="contacts-at-node" aria-label="Contacts at this node">
      <h2>Contacts here now</h2>
      <form
        className="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
        }}
      >
        <label className="search__label" htmlFor={`contacts-at-${nodeId}`}>
          Search contacts at this node
        </label>
        <div className="search__row">
          <input
            id={`contacts-at-${nodeId}`}
            className="input"
            type="search"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder="Email, user id or contact id"
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      {message && (
        <p className="ok-text small" role="status">
          {message}
        </p>
      )}
      {list.isPending && <Loading what="contacts" />}
      {list.isError && !list.isFetchNextPageError && <QueryError what="contacts at this node" error={list.error} />}
      {list.isSuccess && contacts.length === 0 && (
        <p className="muted">{search ? `No one here matches "${search}".` : 'No one is at this node now.'}</p>
      )}
      {contacts.length > 0 && (
        <ul className="contacts-at-node__list">
          {contacts.map((contact) => {
            const who = contact.email ?? contact.userId ?? contact.contactId;
            return (
              <li key={contact.contactId} className="contacts-at-node__item">
                <a href={hrefFor({ page: 'contact', id: contact.contactId, journeyId })}>{who}</a>
                {contact.email && contact.userId && <span className="muted small"> {contact.userId}</span>}
                <div className="muted small" title={formatDateTime(contact.since)}>
                  here since {formatShortDateTime(contact.since)}
                </div>
                {canAct && (
                  <div className="contacts-at-node__actions">
                    <button type="button" className="button button--small" onClick={() => setActing({ contactId: contact.contactId, who, action: 'move' })}>
                      Move to…
                    </button>
                    <button type="button" className="button button--small button--danger-outline" onClick={() => setActing({ contactId: contact.contactId, who, action: 'remove' })}>
                      Remove from journey
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="load-more">
          <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      {list.isFetchNextPageError && (
        <p className="error-text" role="alert">
          Could not load more: {list.error.message}
        </p>
      )}
      {acting && (
        <ContactActionDialog
          journeyId={journeyId}
          contactId={acting.contactId}
          who={acting.who}
          action={acting.action}
          targets={targets}
          onDone={(done) => {
            setSentAway((away) => new Set([...away, acting.contactId]));
            setActing(null);
            setMessage(done);
          }}
          onClose={() => setActing(null)}
        />
      )}
    </section>
  );
}
