import { DevMailbox } from './dev-mailbox';
import { SentMessages } from './sent-messages';

/** Outbox data changes as journeys run, so both sections poll this often. */
const pollMs = 3_000;

export function OutboxPage() {
  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>Outbox</h1>
        <p className="muted">What Tend sent, and what arrived. Refreshes every few seconds.</p>
      </header>
      <SentMessages pollMs={pollMs} />
      <DevMailbox pollMs={pollMs} />
    </div>
  );
}
