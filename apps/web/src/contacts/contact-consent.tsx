import { useMutation, useQuery } from '@tanstack/react-query';
import { hrefFor } from '../routing/route';
import { readableMessage } from '../session/api-errors';
import { roleHint } from '../session/roles';
import { useSession } from '../session/session-context';
import { channelNames, type ContactAddress } from '../messaging/messaging-types';
import { suppressionReason } from '../messaging/suppression-words';
import { queryClient, trpc } from '../trpc';
import { Badge, type BadgeTone } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { Loading, QueryError } from '../ui/query-status';
import { consentGrid, type ConsentCell, type ConsentRow } from './consent-grid';
import { consentHistoryLines, type StateWord } from './consent-history';

const stateTones: Record<StateWord, BadgeTone> = { subscribed: 'good', unsubscribed: 'bad', default: 'neutral' };
const stateWords: Record<StateWord, string> = { subscribed: 'Subscribed', unsubscribed: 'Unsubscribed', default: 'Default' };

/**
 * A contact's consent: whether each address is suppressed, their state per channel and topic
 * (with whether marketing reaches them there, read as the send path reads it), changed here by
 * a marketer, and every change with its source and time.
 */
export function ContactConsent({ contactId }: { contactId: string }) {
  const { workspace } = useSession();
  const consent = useQuery(trpc.policy.contactConsents.queryOptions({ contactId }));
  const topics = useQuery(trpc.policy.topics.queryOptions());
  const policy = useQuery(trpc.policy.get.queryOptions());
  const change = useMutation(
    trpc.policy.setConsent.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.policy.contactConsents.queryKey({ contactId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]),
    }),
  );
  const changeWhy = roleHint(workspace.role, 'marketer');

  return (
    <section className="section" aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent</h2>
      {(consent.isPending || topics.isPending) && <Loading what="consent" />}
      {consent.isError && <QueryError what="consent" error={consent.error} />}
      {topics.isError && <QueryError what="topics" error={topics.error} />}
      {consent.data && topics.data && (
        <div className="consent">
          <Addresses addresses={consent.data.addresses} />
          <div className="panel">
            <table className="table table--compact consent-grid" aria-label="Subscriptions">
              <thead>
                <tr>
                  <th>Marketing about</th>
                  {(['email', 'sms', 'push'] as const).map((channel) => (
                    <th key={channel}>{channelNames[channel]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {consentGrid(consent.data.states, topics.data, policy.data).map((row) => (
                  <tr key={row.topic}>
                    <th scope="row">
                      {row.name}
                      {row.topic && (
                        <div>
                          <code className="small">{row.topic}</code>
                        </div>
                      )}
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.channel}>
                        <CellState
                          row={row}
                          cell={cell}
                          canChange={!changeWhy && (row.topic === '' || topics.data.some((topic) => topic.id === row.topic))}
                          busy={change.isPending}
                          onChange={(status) => change.mutate({ contactId, channel: cell.channel, topic: row.topic, status })}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {change.error && (
              <p className="error-text" role="alert">
                Not changed: {readableMessage(change.error)}
              </p>
            )}
            <p className="muted small">
              Default: the contact said nothing, so the channel's rule applies (opt-out unless it requires opt-in: see{' '}
              <a href={hrefFor({ page: 'messaging' })}>Messaging</a>). {changeWhy ? `Changing consent ${changeWhy.charAt(0).toLowerCase()}${changeWhy.slice(1)}` : 'A change made here is recorded as yours.'}
            </p>
          </div>
          <ConsentHistory history={consent.data.history} topicName={(id) => topics.data.find((topic) => topic.id === id)?.name ?? id} />
        </div>
      )}
    </section>
  );
}

function CellState({ row, cell, canChange, busy, onChange }: { row: ConsentRow; cell: ConsentCell; canChange: boolean; busy: boolean; onChange: (status: 'subscribed' | 'unsubscribed') => void }) {
  const about = row.topic ? row.name : 'all marketing';
  const by = cell.channel === 'email' ? 'email' : channelNames[cell.channel];
  const next = cell.stated === 'unsubscribed' ? 'subscribed' : 'unsubscribed';
  return (
    <div className="consent-cell">
      <Badge tone={stateTones[cell.stated]}>{stateWords[cell.stated]}</Badge>
      <span className={cell.receives ? 'small' : 'small error-text'}>{cell.receives ? `receives: ${cell.why}` : `not sent: ${cell.why}`}</span>
      {canChange && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={next === 'unsubscribed' ? `Unsubscribe from ${about} by ${by}` : `Subscribe to ${about} by ${by}`}
          onClick={() => onChange(next)}
        >
          {next === 'unsubscribed' ? 'Unsubscribe' : 'Subscribe'}
        </button>
      )}
    </div>
  );
}

/** The addresses sends would use, and whether each is suppressed (then nothing reaches it, transactional included). */
function Addresses({ addresses }: { addresses: ContactAddress[] }) {
  return (
    <div className="panel">
      <h3>Addresses</h3>
      <dl className="facts">
        {addresses.map((entry) => (
          <AddressFact key={entry.channel} entry={entry} />
        ))}
      </dl>
      <p className="muted small">Push goes to each browser the contact allowed; a browser that leaves is removed, not suppressed.</p>
    </div>
  );
}

function AddressFact({ entry }: { entry: ContactAddress }) {
  return (
    <>
      <dt>{channelNames[entry.channel]}</dt>
      <dd>
        {entry.address ? <span className="trait-value">{entry.address}</span> : <span className="muted">{entry.problem}</span>}{' '}
        {entry.suppression ? (
          <span>
            <Badge tone="bad">suppressed</Badge>{' '}
            <span className="small">
              {suppressionReason(entry.suppression.reason)} since {formatDateTime(entry.suppression.createdAt)} ({entry.suppression.source})
            </span>
          </span>
        ) : (
          entry.address && <Badge tone="good">not suppressed</Badge>
        )}
      </dd>
    </>
  );
}

function ConsentHistory({ history, topicName }: { history: Parameters<typeof consentHistoryLines>[0]; topicName: (id: string) => string }) {
  const lines = consentHistoryLines(history);
  return (
    <div className="panel">
      <h3>History</h3>
      {lines.length === 0 ? (
        <p className="muted">No change recorded: the contact never stated a choice, so every channel is at its default.</p>
      ) : (
        <table className="table table--compact" aria-label="Consent history">
          <thead>
            <tr>
              <th>When</th>
              <th>Channel</th>
              <th>Topic</th>
              <th>Change</th>
              <th>Source</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <td className="nowrap">{formatDateTime(line.at)}</td>
                <td>{channelNames[line.channel]}</td>
                <td>{line.topic ? topicName(line.topic) : <span className="muted">all marketing</span>}</td>
                <td className="nowrap">
                  {stateWords[line.from]} → <strong>{stateWords[line.to]}</strong>
                </td>
                <td>{line.source}</td>
                <td className="small">{line.detail ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
