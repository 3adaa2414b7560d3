import { useSession } from '../session/session-context';
import { withArticle } from '../session/roles';
import { MembersSection } from './members-section';
import { PasswordSection } from './password-section';
import { PushSection } from './push-section';
import { SecretsSection } from './secrets-section';
import { SenderSection } from './sender-section';
import { TokensSection } from './tokens-section';
import { WriteKeySection } from './write-key-section';

/** The workspace's members, API tokens, write key, email sender, web push set-up and secrets, and the reader's own account. */
export function SettingsPage() {
  const { workspace } = useSession();
  return (
    <div className="page">
      <header className="page__header">
        <h1>Settings</h1>
        <p className="muted">
          The {workspace.name} workspace (<code>{workspace.id}</code>). You are {withArticle(workspace.role)} here.
        </p>
      </header>
      <MembersSection />
      <TokensSection />
      <WriteKeySection />
      <SenderSection />
      <PushSection />
      <SecretsSection />
      <PasswordSection />
    </div>
  );
}
