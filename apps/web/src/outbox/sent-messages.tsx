import { useQuery } from '@tanstack/react-query';
import { trpc, type LedgerMessage } from '../trpc';
import { Badge, type BadgeTone } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';

const statusTones: Record<LedgerMessage['status'], BadgeTone> = { sending: 'warn', sent: 'good', skipped: 'neutral', failed: 'bad', deferred: 'warn' };
const channelNames: Record<LedgerMessage['channel'], string> = { email: 'Email', sms: 'SMS', push: 'Push' };

/** The send ledger: one row per message a journey meant to send (or a test sent from the editor), newest first. */
export function SentMessages({ pollMs }: { pollMs: number }) {
  const messages = useQuery(trpc.outbox.messages.queryOptions({ limit: 100 }, { refetchInterval: pollMs }));
  return (
    <section className="section">
      <h2>Sent messages</h2>
      {messages.isPending && <Loading what="sent messages" />}
      {messages.isError && <QueryError what="sent messages" error={messages.error} />}
      {messages.data?.length === 0 && (
        <EmptyState title="Nothing sent yet">
          <p>A row appears here each time a contact reaches a send step (email, SMS or push), whether it was sent, skipped or refused.</p>
        </EmptyState>
      )}
      <Backlog pollMs={pollMs} />
      {messages.data && messages.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Recipient</th>
              <th>Message</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {messages.data.map((message) => (
              <LedgerRow key={message.idempotencyKey} message={message} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * What is waiting to go, over the whole ledger (not only the rows listed): messages held by the
 * policy, and sends a provider has not accepted yet (an outage: Temporal retries them, backing off).
 */
function Backlog({ pollMs }: { pollMs: number }) {
  const backlog = useQuery(trpc.outbox.backlog.queryOptions(undefined, { refetchInterval: pollMs }));
  const { held: deferred = 0, retrying = 0 } = backlog.data ?? {};
  if (deferred === 0 && retrying === 0) return null;
  return (
    <p className="muted">
      Waiting to go: {deferred > 0 && <Badge tone="warn">{deferred} held by the message policy</Badge>}{' '}
      {retrying > 0 && <Badge tone="warn">{retrying} being retried</Badge>}
    </p>
  );
}

function LedgerRow({ message }: { message: LedgerMessage }) {
  const origin = [message.journeyId, message.nodeId].filter(Boolean).join(' › ');
  return (
    <tr>
      <td className="nowrap" title={message.sentAt ? `sent ${formatDateTime(message.sentAt)}` : undefined}>
        {formatDateTime(message.createdAt)}
      </td>
      <td>{message.recipient || <span className="muted">—</span>}</td>
      <td>
        <span className="muted small">{channelNames[message.channel]}: </span>
        {/* An SMS has no subject: its text is the message. */}
        {message.subject ?? message.body ?? <span className="muted">(no subject)</span>}
        {origin && <div className="muted small">{origin}</div>}
      </td>
      <td>
        <Badge tone={statusTones[message.status]} title={message.reason ?? undefined}>
          {message.status}
        </Badge>{' '}
        {/* "Send test" from the editor: sent for real, but no contact's journey sent it. */}
        {message.test && (
          <Badge tone="info" title="Sent with Send test from the journey editor">
            test
          </Badge>
        )}
        {message.status === 'deferred' && message.deferredUntil && <div className="small">until {formatDateTime(message.deferredUntil)}</div>}
        {message.reason && <div className="muted small">{message.reason}</div>}
      </td>
      <td className="num">{message.attempts}</td>
      <td className="error-text">{message.lastError ?? ''}</td>
    </tr>
  );
}
