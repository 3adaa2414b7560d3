import { useQuery } from '@tanstack/react-query';
import { hrefFor, type ContactFilters } from '../routing/route';
import { navigate } from '../routing/use-route';
import { trpc } from '../trpc';
import { ContactFilterBar } from './contact-filter-bar';
import { describeFilters } from './contact-filters';
import { ContactList } from './contact-list';
import { AudienceNav } from '../audience/audience-nav';
import './contacts.css';

/** Everyone in the workspace, searched and filtered on the server; a row opens the contact. */
export function ContactsPage({ filters }: { filters: ContactFilters | undefined }) {
  const segments = useQuery(trpc.segments.list.queryOptions(undefined, { staleTime: 60_000 })).data;
  const narrowed = describeFilters(filters, (id) => segments?.find((segment) => segment.id === id)?.name ?? id);
  return (
    <div className="page page--wide">
      <AudienceNav current="contacts" />
      <header className="page__header">
        <h1>Contacts</h1>
        <p className="muted">
          {narrowed ? `Contacts ${narrowed}.` : 'Everyone Tend knows, newest first.'} Open one to see their profile, segments, predicted value,
          journeys and events.
        </p>
      </header>
      {/* Keyed by the filters, so the boxes show what the URL says after a link changed it. */}
      <ContactFilterBar key={hrefFor({ page: 'contacts', filters })} filters={filters ?? {}} onChange={(next) => navigate({ page: 'contacts', filters: next })} />
      <ContactList filters={filters} />
    </div>
  );
}
