import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { hrefFor } from '../routing/route';
import { trpc } from '../trpc';
import { EmptyState } from '../ui/empty-state';
import { Loading, QueryError } from '../ui/query-status';
import { ContactAdminActions } from './contact-admin';
import { ContactAudiencePanels } from './contact-audience';
import { ContactConsent } from './contact-consent';
import { contactLabel } from './contact-filters';
import { ContactJourneys } from './contact-journeys';
import { ContactMessages } from './contact-messages';
import { ContactProfile } from './contact-profile';
import { ContactTimeline } from './contact-timeline';
import { ContactTrail } from './contact-trail';
import { AudienceNav } from '../audience/audience-nav';
import './contacts.css';

/** Positions move while contacts wait and act, so an open contact is re-read this often. */
const pollMs = 5_000;

/**
 * One contact, looked up by contact id or user id: their profile, audience (segments, RFM,
 * predicted value, merges), journeys and the trail through one of them, consent (with its
 * history and suppressed addresses), messages with what the policy decided, and every event.
 */
export function ContactPage({ id, journeyId }: { id: string; journeyId: string | null }) {
  const contact = useQuery(trpc.contacts.get.queryOptions({ id }, { retry: false, refetchInterval: pollMs }));
  const back = (
    <a className="back-link" href={hrefFor({ page: 'contacts' })}>
      ← All contacts
    </a>
  );
  if (contact.isPending) return <Page back={back}><Loading what={`contact "${id}"`} /></Page>;
  if (contact.isError) {
    return (
      <Page back={back}>
        {contact.error.data?.code === 'NOT_FOUND' ? <NoSuchContact id={id} /> : <QueryError what={`contact "${id}"`} error={contact.error} />}
      </Page>
    );
  }
  const { contact: profile, journeys, audience } = contact.data;
  const label = contactLabel({ ...profile, name: nameTrait(profile.traits) });
  const selected = journeyId === null ? undefined : journeys.find((run) => run.journeyId === journeyId);
  return (
    <Page back={back}>
      <header className="page__header contact-header">
        <h1>{label}</h1>
        <ContactAdminActions contactId={profile.id} label={label} />
      </header>
      <ContactProfile contact={profile} />
      <ContactAudiencePanels contactId={profile.id} audience={audience} />
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
      <ContactConsent contactId={profile.id} />
      <ContactMessages contactId={profile.id} pollMs={pollMs} />
      <ContactTimeline contactId={profile.id} />
    </Page>
  );
}

function Page({ back, children }: { back: ReactNode; children: ReactNode }) {
  return (
    <div className="page page--wide">
      <AudienceNav current="contact" />
      {back}
      {children}
    </div>
  );
}

/** The display name the list shows: the `name` trait, else first and last name. */
function nameTrait(traits: Record<string, unknown>): string | null {
  if (typeof traits.name === 'string' && traits.name.trim()) return traits.name.trim();
  const full = [traits.firstName, traits.lastName].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  return full || null;
}

function NoSuchContact({ id }: { id: string }) {
  return (
    <EmptyState title={`No contact "${id}"`}>
      <p>
        No contact in this workspace has <code>{id}</code> as user id or contact id. Ids are matched exactly, capitals included. To find someone
        by name or email, search <a href={hrefFor({ page: 'contacts', filters: { search: id } })}>the contact list</a>.
      </p>
      <p className="muted">
        A contact exists once an <code>identify</code> or <code>track</code> call for them has arrived, or once they were imported.
      </p>
    </EmptyState>
  );
}
