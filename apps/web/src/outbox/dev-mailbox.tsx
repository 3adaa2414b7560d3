import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc, type CaughtMail } from '../trpc';
import { EmptyState } from '../ui/empty-state';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';

/** Mail caught by the dev mail catcher, as a recipient would see it. */
export function DevMailbox({ pollMs }: { pollMs: number }) {
  const mailbox = useQuery(trpc.outbox.mailbox.queryOptions({ limit: 100 }, { refetchInterval: pollMs }));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Until the reader picks one, the newest message is open.
  const selected = mailbox.data?.find((mail) => mail.id === selectedId) ?? mailbox.data?.[0];

  return (
    <section className="section">
      <h2>Dev mailbox</h2>
      {mailbox.isPending && <Loading what="the dev mailbox" />}
      {mailbox.isError && <QueryError what="the dev mailbox" error={mailbox.error} />}
      {mailbox.data?.length === 0 && (
        <EmptyState title="No mail received">
          <p>
            When <code>SMTP_URL</code> is unset, <code>npm start</code> runs a built-in mail catcher: every email Tend
            sends is delivered to it over real SMTP and shows up here, and nothing reaches a real inbox. Set{' '}
            <code>SMTP_URL</code> to deliver through your provider instead.
          </p>
        </EmptyState>
      )}
      {mailbox.data && mailbox.data.length > 0 && (
        <div className="mailbox">
          <ul className="mailbox__list">
            {mailbox.data.map((mail) => (
              <li key={mail.id}>
                <button
                  type="button"
                  className="mailbox__item"
                  aria-pressed={mail.id === selected?.id}
                  onClick={() => setSelectedId(mail.id)}
                >
                  <span className="strong">{mail.subject || '(no subject)'}</span>
                  <span className="muted small">to {mail.to}</span>
                  <span className="muted small">{formatDateTime(mail.receivedAt)}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="mailbox__viewer">
            {selected ? <MailView mail={selected} /> : <p className="muted">Select a message to read it.</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function MailView({ mail }: { mail: CaughtMail }) {
  return (
    <article className="mail">
      <dl className="facts">
        <dt>From</dt>
        <dd>{mail.from}</dd>
        <dt>To</dt>
        <dd>{mail.to}</dd>
        <dt>Subject</dt>
        <dd>{mail.subject}</dd>
        <dt>Received</dt>
        <dd>{formatDateTime(mail.receivedAt)}</dd>
      </dl>
      {mail.html !== null ? (
        // An empty sandbox: the message's HTML is shown, but its scripts, forms and links cannot act.
        <iframe className="mail__body" title={`Email: ${mail.subject}`} sandbox="" srcDoc={mail.html} />
      ) : (
        <pre className="mail__text">{mail.text ?? '(empty message)'}</pre>
      )}
    </article>
  );
}
