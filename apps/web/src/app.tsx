import { JourneyPage } from './journey/journey-page';
import { JourneysPage } from './journeys/journeys-page';
import { Layout } from './layout/layout';
import { OutboxPage } from './outbox/outbox-page';
import { hrefFor, type Route } from './routing/route';
import { useRoute } from './routing/use-route';
import { EmptyState } from './ui/empty-state';

export function App() {
  const route = useRoute();
  return (
    <Layout route={route}>
      <Page route={route} />
    </Layout>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'journeys':
      return <JourneysPage />;
    case 'journey':
      // Keyed so that moving between journeys starts a fresh canvas and viewport.
      return <JourneyPage key={route.id} id={route.id} />;
    case 'outbox':
      return <OutboxPage />;
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
