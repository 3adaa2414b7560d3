import { useSession } from '../session/session-context';
import { withArticle } from '../session/roles';
import { MessagesChart } from './messages-chart';
import { PolicyForm } from './policy-form';
import { SuppressionsSection } from './suppressions-section';
import { TopicsSection } from './topics-section';
import './messaging.css';

/**
 * The message policy every send passes (consent, suppression, frequency caps, quiet hours), the
 * workspace's subscription topics and suppressed addresses, and how the last days' messages fared.
 */
export function MessagingPage() {
  const { workspace } = useSession();
  return (
    <div className="page">
      <header className="page__header">
        <h1>Messaging</h1>
        <p className="muted">
          One policy step runs before every message leaves: a suppressed address gets nothing; marketing also needs the contact's consent
          for its channel and topic, and waits for the frequency cap and quiet hours. A contact's page shows what was decided for each of
          their messages, and why. You are {withArticle(workspace.role)} here.
        </p>
      </header>
      <MessagesChart />
      <PolicyForm />
      <TopicsSection />
      <SuppressionsSection />
    </div>
  );
}
