import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '../routing/route';
import { trpc } from '../trpc';
import { EmptyState } from '../ui/empty-state';
import { Loading, QueryError } from '../ui/query-status';
import { ContactJourneys } from './contact-journeys';
import { ContactProfile } from './contact-profile';
import { ContactSearch } from './contact-search';
import { ContactTrail } from './contact-trail';

/** Positions move while contacts wait and act, so an open contact is re-read this often. */
const pollMs = 5_000;

/** Look a contact up, see their profile and journeys, and follow one journey's trail. */
export function ContactsPage({ id, journeyId }: { id: string | null; journeyId: string | null }) {
  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>Contacts</h1>
        <p className="muted">Find a contact to see their profile, the journeys they are in, and every step they took.</p>
      </header>
      {/* Keyed so that the box shows the id in the URL after moving between contacts. */}
      <ContactSearch key={id ?? ''} initial={id ?? ''} />
      {id === null ? <NoContactChosen /> : <Contact id={id} journeyId={journeyId} />}
    </div>
  );
}

function Contact({ id, journeyId }: { id: string; journeyId: string | null }) {
  const contact = useQuery(trpc.contacts.get.queryOptions({ id }, { retry: false, refetchInterval: pollMs }));
  if (contact.isPending) return <Loading what={`contact "${id}"`} />;
  if (contact.isError) {
    return contact.error.data?.code === 'NOT_FOUND' ? <NoSuchContact id={id} /> : <QueryError what={`contact "${id}"`} error={contact.error} />;
  }
  const { contact: profile, journeys } = contact.data;
  const selected = journeyId === null ? undefined : journeys.find((run) => run.journeyId === journeyId);
  return (
    <>
      <ContactProfile contact={profile} />
      {/* Links use the id the reader typed, so the URL they share still finds this contact. */}
      <ContactJourneys routeId={id} runs={journeys} selectedJourneyId={journeyId} />
      {journeyId !== null &&
        (selected ? (
          <ContactTrail contactId={profile.id} run={selected} pollMs={pollMs} />
        ) : (
          <EmptyState title={`Not in journey "${journeyId}"`}>
            <p>This contact has never entered that journey. Pick one from the list above to see its trail.</p>
          </EmptyState>
        ))}
    </>
  );
}

function NoContactChosen() {
  return (
    <EmptyState title="Look up a contact">
      <p>
        Enter the <strong>user id</strong> your app sends with <code>identify</code> and <code>track</code> calls (for
        example <code>ada</code>), or Tend's own contact id.
      </p>
      <p className="muted">
        Contacts appear when the first call for them arrives. See <a href={hrefFor({ page: 'journeys' })}>Journeys</a>{' '}
        for how to send one.
      </p>
    </EmptyState>
  );
}

function NoSuchContact({ id }: { id: string }) {
  return (
    <EmptyState title={`No contact "${id}"`}>
      <p>
        No contact in this workspace has <code>{id}</code> as user id or contact id. Ids are matched exactly, capitals
        included; an email address is not an id unless your app sends it as the <code>userId</code>.
      </p>
      <p className="muted">
        A contact exists once an <code>identify</code> or <code>track</code> call for them has arrived. See{' '}
        <a href={hrefFor({ page: 'journeys' })}>Journeys</a> for how to send one.
      </p>
    </EmptyState>
  );
}
