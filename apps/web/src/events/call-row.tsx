import { hrefFor } from '../routing/route';
import type { DebuggerCall } from '../trpc';
import { Badge } from '../ui/badge';
import { CodeBlock } from '../ui/code-block';
import { formatDateTime } from '../ui/format';
import { callJson, callSender, callTitle, rejectionReason, timeAgo } from './event-log';

const columns = 6;

/** One call in the debugger, and when open, its JSON and (for a refused call) why. */
export function CallRow({ call, now, open, onToggle }: { call: DebuggerCall; now: number; open: boolean; onToggle: () => void }) {
  const sender = callSender(call);
  return (
    <>
      <tr className={open ? 'table__row--selected' : undefined}>
        <td>
          <button type="button" className="button button--small" aria-expanded={open} aria-label={open ? 'Hide details' : 'Show details'} onClick={onToggle}>
            {open ? '▾' : '▸'}
          </button>
        </td>
        <td className="nowrap" title={formatDateTime(call.receivedAt)}>
          {timeAgo(call.receivedAt, now)}
        </td>
        <td>{call.kind === 'accepted' ? <Badge tone="good">accepted</Badge> : <Badge tone="bad">rejected</Badge>}</td>
        <td className="strong">{callTitle(call)}</td>
        <td className="trait-value">
          {call.kind === 'accepted' && call.contact ? (
            <a href={hrefFor({ page: 'contact', id: call.contact.id, journeyId: null })}>{sender ?? call.contact.id}</a>
          ) : (
            (sender ?? <span className="muted">—</span>)
          )}
        </td>
        <td>
          {call.kind === 'accepted' ? (
            <RoutingState routedAt={call.routedAt} />
          ) : (
            <span className="error-text">{rejectionReason(call)}</span>
          )}
        </td>
      </tr>
      {open && (
        <tr className="call-detail">
          <td colSpan={columns}>{call.kind === 'accepted' ? <AcceptedDetail call={call} /> : <RejectedDetail call={call} />}</td>
        </tr>
      )}
    </>
  );
}

function RoutingState({ routedAt }: { routedAt: string | null }) {
  if (routedAt) {
    return (
      <span className="ok-text" title={`offered to every live journey at ${formatDateTime(routedAt)}`}>
        routed
      </span>
    );
  }
  return (
    <Badge tone="warn" title="stored, not yet offered to journeys: the sweeper retries until it is">
      not routed yet
    </Badge>
  );
}

function AcceptedDetail({ call }: { call: Extract<DebuggerCall, { kind: 'accepted' }> }) {
  return (
    <>
      <dl className="facts">
        <dt>Received</dt>
        <dd>{formatDateTime(call.receivedAt)}</dd>
        <dt>Routed</dt>
        <dd>{call.routedAt ? formatDateTime(call.routedAt) : 'not yet'}</dd>
        <dt>Message id</dt>
        <dd className="trait-value">{call.messageId}</dd>
        {call.contact && (
          <>
            <dt>Contact</dt>
            <dd>
              <a href={hrefFor({ page: 'contact', id: call.contact.id, journeyId: null })}>{call.contact.email ?? call.contact.userId ?? call.contact.id}</a>
              <span className="muted small"> {call.contact.id}</span>
            </dd>
          </>
        )}
      </dl>
      <h3>{call.type === 'identify' || call.type === 'group' ? 'Traits' : 'Properties'}</h3>
      <CodeBlock>{callJson(call.properties, call.cut)}</CodeBlock>
    </>
  );
}

function RejectedDetail({ call }: { call: Extract<DebuggerCall, { kind: 'rejected' }> }) {
  return (
    <>
      <div className="query-error" role="note">
        <strong>Refused{call.field ? <> at <code>{call.field}</code></> : ' as a whole'}:</strong> {call.message}
      </div>
      <dl className="facts">
        <dt>Received</dt>
        <dd>{formatDateTime(call.receivedAt)}</dd>
        {call.messageId && (
          <>
            <dt>Message id</dt>
            <dd className="trait-value">{call.messageId}</dd>
          </>
        )}
      </dl>
      <h3>Payload as received</h3>
      <CodeBlock>{callJson(call.payload, call.cut)}</CodeBlock>
    </>
  );
}
