import { lazy, Suspense } from 'react';
import { AuditPage } from './audit/audit-page';
import { ContactsPage } from './contacts/contacts-page';
import { EventsPage } from './events/events-page';
import { InvitationPage } from './invitation/invitation-page';
import { JourneysPage } from './journeys/journeys-page';
import { Layout } from './layout/layout';
import { OutboxPage } from './outbox/outbox-page';
import { hrefFor, type Route } from './routing/route';
import { useRoute } from './routing/use-route';
import { SessionGate } from './session/session-gate';
import { SettingsPage } from './settings/settings-page';
import { EmptyState } from './ui/empty-state';
import { Loading } from './ui/query-status';

// The editor (React Flow, CodeMirror, the form generator) is most of the bundle and only the
// journey page uses it, so it loads when that page is first opened.
const EditorPage = lazy(() => import('./editor/editor-page').then((module) => ({ default: module.EditorPage })));

/** Every page needs a signed-in user, except an invitation, which is how someone new gets one. */
export function App() {
  const route = useRoute();
  if (route.page === 'invitation') return <InvitationPage token={route.token} />;
  return (
    <SessionGate>
      <Layout route={route}>
        <Page route={route} />
      </Layout>
    </SessionGate>
  );
}

function Page({ route }: { route: Exclude<Route, { page: 'invitation' }> }) {
  switch (route.page) {
    case 'journeys':
      return <JourneysPage />;
    case 'journey':
      // Keyed by journey so that moving between journeys starts a fresh store, canvas and
      // viewport; switching tabs keeps the draft's store (and its undo history).
      return (
        <Suspense fallback={<Loading what="the journey" />}>
          <EditorPage key={route.id} id={route.id} tab={route.tab} version={route.version} />
        </Suspense>
      );
    case 'outbox':
      return <OutboxPage />;
    case 'contacts':
      return <ContactsPage id={null} journeyId={null} />;
    case 'contact':
      return <ContactsPage id={route.id} journeyId={route.journeyId} />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'events':
      return <EventsPage />;
    case 'not-found':
      return (
        <EmptyState title="No such page">
          <p>
            Nothing lives at <code>{route.hash}</code>. Go to <a href={hrefFor({ page: 'journeys' })}>Journeys</a>.
          </p>
        </EmptyState>
      );
  }
}
