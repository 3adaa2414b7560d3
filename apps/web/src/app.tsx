import { lazy, Suspense } from 'react';
import { AuditPage } from './audit/audit-page';
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
// The audience pages (contacts, segments with the condition builder, RFM with its charts, imports)
// load when first opened, so the journeys list a session starts on stays small.
const ContactsPage = lazy(() => import('./contacts/contacts-page').then((module) => ({ default: module.ContactsPage })));
const ContactPage = lazy(() => import('./contacts/contact-page').then((module) => ({ default: module.ContactPage })));
const SegmentsPage = lazy(() => import('./audience/segments/segments-page').then((module) => ({ default: module.SegmentsPage })));
const SegmentPage = lazy(() => import('./audience/segments/segment-page').then((module) => ({ default: module.SegmentPage })));
const RfmPage = lazy(() => import('./audience/rfm/rfm-page').then((module) => ({ default: module.RfmPage })));
const ImportPage = lazy(() => import('./audience/import/import-page').then((module) => ({ default: module.ImportPage })));
// The message policy page draws a chart (recharts): loaded when first opened.
const MessagingPage = lazy(() => import('./messaging/messaging-page').then((module) => ({ default: module.MessagingPage })));
// The email library: its editor brings CodeMirror, so both pages load when first opened.
const TemplatesPage = lazy(() => import('./templates/templates-page').then((module) => ({ default: module.TemplatesPage })));
const TemplatePage = lazy(() => import('./templates/template-page').then((module) => ({ default: module.TemplatePage })));

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
    case 'messaging':
      return (
        <Suspense fallback={<Loading what="the message policy" />}>
          <MessagingPage />
        </Suspense>
      );
    case 'templates':
      return (
        <Suspense fallback={<Loading what="the email templates" />}>
          <TemplatesPage />
        </Suspense>
      );
    case 'template':
      // Keyed so that moving from one template to another starts a fresh editor and autosave.
      return (
        <Suspense fallback={<Loading what="the template" />}>
          <TemplatePage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'contacts':
      return (
        <Suspense fallback={<Loading what="contacts" />}>
          <ContactsPage filters={route.filters} />
        </Suspense>
      );
    case 'contact':
      return (
        <Suspense fallback={<Loading what="the contact" />}>
          <ContactPage key={route.id} id={route.id} journeyId={route.journeyId} />
        </Suspense>
      );
    case 'segments':
      return (
        <Suspense fallback={<Loading what="segments" />}>
          <SegmentsPage />
        </Suspense>
      );
    case 'segment':
      // Keyed so that moving from one segment to another starts a fresh builder.
      return (
        <Suspense fallback={<Loading what="the segment" />}>
          <SegmentPage key={route.id ?? ''} id={route.id} />
        </Suspense>
      );
    case 'rfm':
      return (
        <Suspense fallback={<Loading what="RFM" />}>
          <RfmPage />
        </Suspense>
      );
    case 'import':
      return (
        <Suspense fallback={<Loading what="imports" />}>
          <ImportPage />
        </Suspense>
      );
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
