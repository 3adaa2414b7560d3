import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '../routing/route';
import { channelNames } from '../messaging/messaging-types';
import { trpc } from '../trpc';
import { Badge } from '../ui/badge';
import { formatDateTime, formatShortDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { messageOutcome, messageText } from './message-outcome';

const shown = 50;

/**
 * The contact's messages on the send ledger, newest first, with what the policy decided for
 * each: sent, held until when and why, skipped or failed and why.
 */
export function ContactMessages({ contactId, pollMs }: { contactId: string; pollMs: number }) {
  const messages = useQuery(trpc.policy.contactMessages.queryOptions({ contactId, limit: shown }, { refetchInterval: pollMs }));
  return (
    <section className="section" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      {messages.isPending && <Loading what="messages" />}
      {messages.isError && <QueryError what="messages" error={messages.error} />}
      {messages.data?.length === 0 && <p className="muted panel">No messages yet: each one a journey sends, holds or skips for this contact shows up here.</p>}
      {messages.data && messages.data.length > 0 && (
        <table className="table table--compact" aria-label="Messages to this contact">
          <thead>
            <tr>
              <th>Time</th>
              <th>Message</th>
              <th>From</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {messages.data.map((message) => {
              const outcome = messageOutcome(message, formatShortDateTime);
              const text = messageText(message);
              return (
                <tr key={message.idempotencyKey}>
                  <td className="nowrap" title={message.sentAt ? `sent ${formatDateTime(message.sentAt)}` : undefined}>
                    {formatDateTime(message.createdAt)}
                  </td>
                  <td>
                    <span className="muted small">{channelNames[message.channel]}: </span>
                    {text.placeholder ? <span className="muted">{text.text}</span> : text.text}
                    <div className="muted small">
                      {message.purpose === 'transactional' ? 'transactional' : message.topic ? `marketing · ${message.topic}` : 'marketing'}
                      {message.recipient && ` · to ${message.recipient}`}
                    </div>
                  </td>
                  <td className="small">
                    {message.journeyId ? (
                      <a href={hrefFor({ page: 'contact', id: contactId, journeyId: message.journeyId })}>{message.journeyId}</a>
                    ) : (
                      <span className="muted">—</span>
                    )}
                    {message.nodeId && <div className="muted">{message.nodeId}</div>}
                  </td>
                  <td>
                    <Badge tone={outcome.tone}>{outcome.label}</Badge>
                    {outcome.why && <div className="small">{outcome.why}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {messages.data?.length === shown && <p className="muted small">The latest {shown}; the Outbox has every message.</p>}
    </section>
  );
}
